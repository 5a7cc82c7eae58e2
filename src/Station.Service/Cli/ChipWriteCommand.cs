using System.CommandLine;
using System.Security.Cryptography;
using System.Text;
using Station.Devices.SmartCards.Pcsc;
using Station.Personalization.Chip;
using Station.Personalization.ChipProfiles;
using Station.Personalization.Verification;

namespace Station.Service.Cli;

/// <summary>
/// <c>station chip write DIR --reader NAME ...</c>: personalizes the card in a PC/SC reader from the files of
/// <c>station chip build</c>, reads every file back and compares, runs passive authentication, then locks.
/// The folder holds no per-card private keys, so no chip/active authentication key is loaded (see docs/cli.md).
/// </summary>
public static class ChipWriteCommand
{
    public static Command Create()
    {
        var directory = new Argument<string>("DIR") { Description = "Folder written by 'station chip build'." };
        var reader = new Option<string>("--reader") { Description = "PC/SC reader name as 'station readers' lists it.", Required = true };
        var profile = new Option<string>("--profile")
        {
            Description = $"Chip profile: {string.Join(", ", ChipProfile.Available)}.",
            DefaultValueFactory = _ => "iso7816-fs",
        };
        var csca = new Option<string?>("--csca") { Description = "CSCA the written chip is verified against (default: the CSCA chip build verified with, from chip.json)." };
        var noLock = new Option<bool>("--no-lock") { Description = "Do not lock the chip (test cards without a life-cycle command, e.g. vicc)." };
        var shortLe = new Option<bool>("--short-le") { Description = "Read back with short Le (readers that pass extended Lc but not extended Le, e.g. vpcd)." };
        var noKeyLoading = new Option<bool>("--no-key-loading") { Description = "Skip the profile's key-loading commands (cards without PUT DATA for keys, e.g. vicc)." };
        var command = new Command("write",
            "Personalize the card in the reader from the files of 'station chip build', then read back, verify (passive authentication) and lock.")
        { directory, reader, profile, csca, noLock, shortLe, noKeyLoading };
        command.SetAction((parseResult, cancellationToken) => ChipCommandRunner.RunAsync(async () =>
        {
            var (image, summary) = ChipFolder.Load(Path.GetFullPath(parseResult.GetValue(directory)!));
            var chipProfile = LoadProfile(parseResult.GetValue(profile)!);
            if (parseResult.GetValue(noKeyLoading))
                chipProfile = chipProfile with { KeyLoading = [] };
            var cscaPath = parseResult.GetValue(csca) ?? summary.CscaFile
                ?? throw ChipCommandException.BadInput("--csca is required: chip.json names no CSCA to verify the written chip against.");
            var anchor = ChipVerifyCommand.LoadCsca(cscaPath)!;
            var locking = !parseResult.GetValue(noLock);
            var personalizer = new ChipPersonalizer(chipProfile, new PassiveAuthenticator(), RandomNumberGenerator.Create(), TimeProvider.System,
                new ChipPersonalizerOptions { Lock = locking });

            using var context = PcscContext.Establish();
            var readerName = parseResult.GetValue(reader)!;
            ReadersCommand.RequireReader(context, readerName);
            await using var card = context.Connect(readerName, extendedLe: !parseResult.GetValue(shortLe));
            await personalizer.WriteAsync(card, image, cancellationToken);
            await personalizer.VerifyAndLockAsync(card, image, anchor, cancellationToken);

            var text = new StringBuilder();
            var fileCount = image.Files.Count + (image.CardAccess.Length > 0 ? 1 : 0);
            text.AppendLine($"Wrote {fileCount} files ({image.Files.Sum(f => f.Content.Length) + image.CardAccess.Length} bytes) to the card in '{readerName}' with profile {chipProfile.Name} in {card.ApduCount} APDUs.");
            text.AppendLine($"Read back: every file equal; passive authentication against {cscaPath}: passed.");
            text.AppendLine(locking ? "Locked, and read again with BAC: equal." : "Not locked (--no-lock).");
            if (chipProfile.KeyLoading.Count == 0)
                text.AppendLine("No keys loaded (--no-key-loading).");
            await Console.Out.WriteAsync(text.ToString());
            return ExitCodes.Success;
        }));
        return command;
    }

    private static ChipProfile LoadProfile(string name)
    {
        if (!ChipProfile.Available.Contains(name, StringComparer.Ordinal))
            throw ChipCommandException.BadInput($"--profile: unknown chip profile '{name}'; known: {string.Join(", ", ChipProfile.Available)}.");
        return ChipProfile.Load(name);
    }
}
