using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Station.Personalization.Apdu;
using Station.Personalization.ChipProfiles;
using Station.Personalization.ChipScripts;
using Station.Personalization.Inspection;
using Station.Personalization.SecureMessaging;
using Station.Personalization.Verification;

namespace Station.Personalization.Chip;

/// <summary>
/// Personalizes a chip with a <see cref="ChipProfile"/>: runs the profile's script, reads every file back and compares
/// bytes, runs passive authentication over what was read, locks, and reads the locked chip with BAC. Every failure
/// becomes a <see cref="ChipOperationException"/> whose reason is the card's spoilage reason.
/// </summary>
public sealed class ChipPersonalizer(
    ChipProfile profile,
    IPassiveAuthenticator passiveAuthenticator,
    RandomNumberGenerator random,
    TimeProvider time,
    ChipPersonalizerOptions? options = null) : IChipPersonalizer
{
    public const string ChipWriteFailed = "ChipWriteFailed";
    public const string VerifyFailed = "VerifyFailed";
    public const string CardRemoved = "CardRemoved";
    public const string ChipMute = "ChipMute";
    public const string EncoderUnavailable = "EncoderUnavailable";

    private readonly ChipPersonalizerOptions _options = options ?? new ChipPersonalizerOptions();

    public async Task WriteAsync(IApduTransport card, ChipImage image, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(card);
        var script = ChipScriptBuilder.Build(image, profile, card.MaxCommandDataLength);
        await RunAsync(new ApduExchange(card), script.Personalization, ChipWriteFailed, cancellationToken).ConfigureAwait(false);
    }

    public async Task VerifyAndLockAsync(IApduTransport card, ChipImage image, X509Certificate2 csca, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(image);
        var reader = new ChipReader(random);

        await Guard(async () =>
        {
            var transport = await reader.OpenApplicationAsync(card, mrzInformation: null, cancellationToken).ConfigureAwait(false);
            var readBack = new List<LdsFile>();
            foreach (var file in image.Files)
            {
                byte[] read = await ChipReader.ReadFileAsync(transport, file.Fid, file.Name, cancellationToken).ConfigureAwait(false);
                CompareBytes(file, read, "read-back");
                readBack.Add(file with { Content = read });
            }
            CheckPassiveAuthentication(readBack, csca);
        }, VerifyFailed).ConfigureAwait(false);

        if (!_options.Lock)
            return;

        var script = ChipScriptBuilder.Build(image, profile, card.MaxCommandDataLength);
        await RunAsync(new ApduExchange(card), script.Lock, VerifyFailed, cancellationToken).ConfigureAwait(false);

        await Guard(async () =>
        {
            var inspection = await reader.ReadAsync(card, image.MrzInformation, cancellationToken).ConfigureAwait(false);
            foreach (var file in inspection.Files)
            {
                var expected = image.Files.FirstOrDefault(f => f.Fid == file.Fid)
                    ?? throw new ChipOperationException(VerifyFailed, $"Locked chip lists {file.Name}, which was never written");
                CompareBytes(expected, file.Content, "BAC read of the locked chip");
            }
            var missing = image.Files.Where(f => inspection.Find(f.Fid) is null && !inspection.Unreadable.ContainsKey(f.Name)).Select(f => f.Name).ToArray();
            if (missing.Length > 0)
                throw new ChipOperationException(VerifyFailed, $"BAC read of the locked chip did not reach {string.Join(", ", missing)} (not listed in EF.COM?)");
        }, VerifyFailed).ConfigureAwait(false);
    }

    private async Task RunAsync(IApduTransport card, IReadOnlyList<ScriptedCommand> commands, string failureReason, CancellationToken cancellationToken)
    {
        await Guard(async () =>
        {
            foreach (var step in commands)
            {
                var response = await card.SendAsync(step.Command, cancellationToken).ConfigureAwait(false);
                if (response.StatusWord != step.ExpectedStatus)
                    throw new ChipOperationException(failureReason,
                        $"{step.Description} (profile {profile.Name}): card answered {StatusWord.Describe(response.StatusWord)}, expected {step.ExpectedStatus:X4}");
            }
        }, failureReason).ConfigureAwait(false);
    }

    private void CheckPassiveAuthentication(List<LdsFile> readBack, X509Certificate2 csca)
    {
        var sod = readBack.FirstOrDefault(f => f.Fid == LdsFileIds.Sod)
            ?? throw new ChipOperationException(VerifyFailed, "The chip image has no EF.SOD: passive authentication is impossible");
        var dataGroups = readBack.Where(f => LdsFileIds.DataGroupNumber(f.Fid) is not null)
            .ToDictionary(f => LdsFileIds.DataGroupNumber(f.Fid)!.Value, f => f.Content);
        var report = passiveAuthenticator.Verify(dataGroups, sod.Content, csca, time.GetUtcNow());
        if (!report.NoneFailed)
            throw new ChipOperationException(VerifyFailed, "Passive authentication of the written chip failed: " +
                string.Join("; ", report.Checks.Where(c => c.Outcome == CheckOutcome.Failed).Select(c => $"{c.Name}: {c.Detail}")));
    }

    private static void CompareBytes(LdsFile expected, byte[] actual, string stage)
    {
        if (expected.Content.AsSpan().SequenceEqual(actual))
            return;
        int at = expected.Content.AsSpan().CommonPrefixLength(actual);
        throw new ChipOperationException(VerifyFailed,
            $"{stage}: {expected.Name} differs from what was written at byte {at} (written {expected.Content.Length} bytes, read {actual.Length})");
    }

    /// <summary>Maps the ways a chip exchange fails onto the card's spoilage reasons.</summary>
    private static async Task Guard(Func<Task> action, string protocolFailureReason)
    {
        try
        {
            await action().ConfigureAwait(false);
        }
        catch (CardTransportException e) when (e.Failure == CardTransportFailure.CardMute)
        {
            throw new ChipOperationException(ChipMute, $"The chip stopped answering: {e.Message}", e);
        }
        catch (CardTransportException e) when (e.Failure == CardTransportFailure.ReaderUnavailable)
        {
            // The card may be half written, so it is spoiled; the pipeline then waits for the encoder before feeding another.
            throw new ChipOperationException(EncoderUnavailable, $"The chip encoder went away: {e.Message}", e);
        }
        catch (CardTransportException e)
        {
            throw new ChipOperationException(CardRemoved, $"The card is gone: {e.Message}", e);
        }
        catch (ApduException e)
        {
            throw new ChipOperationException(protocolFailureReason, e.Message, e);
        }
        catch (SecureMessagingException e)
        {
            throw new ChipOperationException(protocolFailureReason, $"Secure messaging failed: {e.Message}", e);
        }
    }
}
