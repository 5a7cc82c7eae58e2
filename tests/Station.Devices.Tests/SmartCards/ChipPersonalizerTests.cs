using System.Security.Cryptography;
using Station.Devices.SmartCards.Simulation;
using Station.Personalization.Apdu;
using Station.Personalization.Chip;
using Station.Personalization.ChipProfiles;
using Station.Personalization.ChipScripts;
using Station.Personalization.Inspection;
using Station.Personalization.Tests.ChipScripts;
using Station.Personalization.Tests.Inspection;
using Xunit.Abstractions;

namespace Station.Devices.Tests.SmartCards;

/// <summary>The full write → read back → passive authentication → lock → BAC read path, on the simulated encoder.</summary>
public class ChipPersonalizerTests(ITestOutputHelper output)
{
    private static readonly ChipProfile Iso = ChipProfile.Load("iso7816-fs");

    [Fact]
    public async Task Personalizes_verifies_locks_and_reads_back_with_BAC()
    {
        var encoder = new SimulatedChipEncoder();
        var chip = encoder.InsertBlankCard();
        var image = TestChipImages.WithPortrait(12_000, TestChipImages.FixedSecrets());
        var pa = new HashCheckingPassiveAuthenticator();
        var personalizer = NewPersonalizer(pa);

        await using (var connection = await encoder.ConnectAsync(CancellationToken.None))
        {
            await personalizer.WriteAsync(connection, image, CancellationToken.None);
            await personalizer.VerifyAndLockAsync(connection, image, TestCsca.Create(), CancellationToken.None);
        }

        Assert.True(chip.Locked);
        Assert.Equal(1, pa.Calls);
        Assert.Equal(image.Secrets.ChipAuthenticationPrivateKey, chip.ChipAuthenticationKey);
        Assert.Equal(image.Secrets.ActiveAuthenticationPrivateKey, chip.ActiveAuthenticationKey);

        await using var inspection = await encoder.ConnectAsync(CancellationToken.None);
        var read = await new ChipReader(RandomNumberGenerator.Create()).ReadAsync(inspection, image.MrzInformation, CancellationToken.None);
        Assert.True(read.SecureMessaging);
        Assert.Equal(image.Files.Select(f => f.Name), read.Files.Select(f => f.Name).Where(n => n != "COM").Prepend("COM"));
        Assert.All(image.Files, f => Assert.Equal(f.Content, read.Find(f.Fid)!.Content));
        await Assert.ThrowsAsync<Station.Personalization.Apdu.ApduException>(() => new ChipReader(RandomNumberGenerator.Create()).ReadAsync(inspection, null, CancellationToken.None));
    }

    [Fact]
    public async Task A_short_length_chip_gets_255_byte_chunks_and_reads_back_identically()
    {
        var encoder = new SimulatedChipEncoder(new SimulatedChipEncoderOptions { ExtendedLength = false });
        encoder.InsertBlankCard();
        var image = TestChipImages.WithPortrait(5_000);
        await using var connection = await encoder.ConnectAsync(CancellationToken.None);
        Assert.Equal(SimulatedChipEncoder.ShortAtr, connection.Atr);

        var personalizer = NewPersonalizer(new HashCheckingPassiveAuthenticator());
        await personalizer.WriteAsync(connection, image, CancellationToken.None);
        await personalizer.VerifyAndLockAsync(connection, image, TestCsca.Create(), CancellationToken.None);
        Assert.True(encoder.CurrentCard!.Locked);
    }

    [Fact]
    public async Task A_chip_that_fails_a_write_is_ChipWriteFailed_naming_the_step()
    {
        var encoder = new SimulatedChipEncoder(new SimulatedChipEncoderOptions { Faults = new ChipFaults { FailWriteEvery = 3 } });
        encoder.InsertBlankCard();
        await using var connection = await encoder.ConnectAsync(CancellationToken.None);

        var e = await Assert.ThrowsAsync<ChipOperationException>(() => NewPersonalizer(new HashCheckingPassiveAuthenticator()).WriteAsync(connection, TestChipImages.WithPortrait(2000), CancellationToken.None));
        Assert.Equal("ChipWriteFailed", e.Reason);
        Assert.Contains("UPDATE BINARY", e.Message, StringComparison.Ordinal);
        Assert.Contains("6581", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Removing_the_card_mid_write_is_CardRemoved()
    {
        var encoder = new SimulatedChipEncoder(new SimulatedChipEncoderOptions { Faults = new ChipFaults { CardRemovedProbability = 1 } });
        encoder.InsertBlankCard();
        await using var connection = await encoder.ConnectAsync(CancellationToken.None);

        var e = await Assert.ThrowsAsync<ChipOperationException>(() => NewPersonalizer(new HashCheckingPassiveAuthenticator()).WriteAsync(connection, TestChipImages.WithPortrait(2000), CancellationToken.None));
        Assert.Equal("CardRemoved", e.Reason);
    }

    [Fact]
    public async Task The_reader_stack_vanishing_mid_write_is_EncoderUnavailable()
    {
        var gone = new CardTransportException(CardTransportFailure.ReaderUnavailable, "SCardTransmit failed: the PC/SC daemon is not running");

        var e = await Assert.ThrowsAsync<ChipOperationException>(() => NewPersonalizer(new HashCheckingPassiveAuthenticator()).WriteAsync(new FailingTransport(gone), TestChipImages.Minimal(), CancellationToken.None));

        Assert.Equal((ChipPersonalizer.EncoderUnavailable, gone), (e.Reason, e.InnerException));
        Assert.Contains("the PC/SC daemon is not running", e.Message, StringComparison.Ordinal);
    }

    /// <summary>A transport whose every exchange fails with <paramref name="error"/>.</summary>
    private sealed class FailingTransport(Exception error) : IApduTransport
    {
        public int MaxCommandDataLength => 255;
        public int MaxResponseDataLength => 256;
        public Task<byte[]> TransmitAsync(ReadOnlyMemory<byte> command, CancellationToken cancellationToken) => Task.FromException<byte[]>(error);
    }

    [Fact]
    public async Task The_printer_moving_the_card_away_fails_the_open_connection_with_CardRemoved()
    {
        var encoder = new SimulatedChipEncoder();
        encoder.InsertBlankCard();
        await using var connection = await encoder.ConnectAsync(CancellationToken.None);
        encoder.RemoveCard();

        var e = await Assert.ThrowsAsync<ChipOperationException>(() => NewPersonalizer(new HashCheckingPassiveAuthenticator()).WriteAsync(connection, TestChipImages.Minimal(), CancellationToken.None));
        Assert.Equal("CardRemoved", e.Reason);
        var connect = await Assert.ThrowsAsync<DeviceFaultException>(() => encoder.ConnectAsync(CancellationToken.None));
        Assert.Equal(DeviceFault.CardRemoved, connect.Fault);
    }

    [Fact]
    public async Task A_mute_card_cannot_be_connected()
    {
        var encoder = new SimulatedChipEncoder(new SimulatedChipEncoderOptions { Faults = new ChipFaults { MuteProbability = 1 } });
        encoder.InsertBlankCard();
        var e = await Assert.ThrowsAsync<DeviceFaultException>(() => encoder.ConnectAsync(CancellationToken.None));
        Assert.Equal(DeviceFault.ChipMute, e.Fault);
    }

    [Fact]
    public async Task A_chip_going_mute_during_verification_is_ChipMute()
    {
        var encoder = new SimulatedChipEncoder();
        var chip = encoder.InsertBlankCard();
        var image = TestChipImages.WithPortrait(1000);
        await using var connection = await encoder.ConnectAsync(CancellationToken.None);
        var personalizer = NewPersonalizer(new HashCheckingPassiveAuthenticator());
        await personalizer.WriteAsync(connection, image, CancellationToken.None);
        chip.GoMute();

        var e = await Assert.ThrowsAsync<ChipOperationException>(() => personalizer.VerifyAndLockAsync(connection, image, TestCsca.Create(), CancellationToken.None));
        Assert.Equal("ChipMute", e.Reason);
    }

    [Fact]
    public async Task A_data_group_that_does_not_match_its_SOD_hash_is_VerifyFailed_and_the_chip_stays_unlocked()
    {
        var encoder = new SimulatedChipEncoder();
        var chip = encoder.InsertBlankCard();
        var good = TestChipImages.WithPortrait(1000);
        var forged = good with { Files = good.Files.Select(f => f.Name == "DG2" ? f with { Content = TestChipImages.SyntheticDataGroup(0x75, 1001) } : f).ToArray() };
        await using var connection = await encoder.ConnectAsync(CancellationToken.None);
        var personalizer = NewPersonalizer(new HashCheckingPassiveAuthenticator());
        await personalizer.WriteAsync(connection, forged, CancellationToken.None);

        var e = await Assert.ThrowsAsync<ChipOperationException>(() => personalizer.VerifyAndLockAsync(connection, forged, TestCsca.Create(), CancellationToken.None));
        Assert.Equal("VerifyFailed", e.Reason);
        Assert.Contains("DG2 hash", e.Message, StringComparison.Ordinal);
        Assert.False(chip.Locked);
    }

    [Fact]
    public async Task Records_APDU_count_and_wire_efficiency_for_a_25KB_image_with_extended_length()
    {
        var encoder = new SimulatedChipEncoder();
        var chip = encoder.InsertBlankCard();
        var image = TestChipImages.WithPortrait(24_000, TestChipImages.FixedSecrets());
        var script = ChipScriptBuilder.Build(image, Iso, chip.MaxCommandDataLength);
        await using var connection = await encoder.ConnectAsync(CancellationToken.None);

        await NewPersonalizer(new HashCheckingPassiveAuthenticator()).WriteAsync(connection, image, CancellationToken.None);

        int fileBytes = image.Files.Sum(f => f.Content.Length) + image.CardAccess.Length;
        double efficiency = (double)script.PayloadBytes / script.WireBytes;
        output.WriteLine($"image {fileBytes} bytes of files (+ keys): {script.Personalization.Count} APDUs, {script.WireBytes} bytes sent, payload {script.PayloadBytes}, efficiency {efficiency:F3}");
        Assert.Equal(script.Personalization.Count, chip.CommandCount);
        Assert.True(efficiency >= 0.95, $"wire efficiency {efficiency:F3}");
    }

    [Fact]
    public async Task A_card_that_announces_extended_length_but_refuses_it_is_written_with_short_APDUs()
    {
        var chip = new SimulatedChip(extendedLength: false);
        var card = new Station.Personalization.Apdu.ShortLengthFallbackTransport(new ClaimsExtendedLength(chip));
        var image = TestChipImages.WithPortrait(3_000);
        var personalizer = NewPersonalizer(new HashCheckingPassiveAuthenticator());

        await personalizer.WriteAsync(card, image, CancellationToken.None);
        await personalizer.VerifyAndLockAsync(card, image, TestCsca.Create(), CancellationToken.None);

        Assert.True(card.ExtendedRefused);
        Assert.True(chip.Locked);
        Assert.Equal(image.File("DG2").Content, chip.ReadFileDirect(0x0102));
    }

    /// <summary>Test double: a card whose ATR promised extended length it does not support.</summary>
    private sealed class ClaimsExtendedLength(SimulatedChip chip) : Station.Personalization.Apdu.IApduTransport
    {
        public int MaxCommandDataLength => 65535;
        public int MaxResponseDataLength => 65536;
        public Task<byte[]> TransmitAsync(ReadOnlyMemory<byte> command, CancellationToken cancellationToken) => chip.TransmitAsync(command, cancellationToken);
    }

    private static ChipPersonalizer NewPersonalizer(HashCheckingPassiveAuthenticator pa) =>
        new(Iso, pa, RandomNumberGenerator.Create(), TimeProvider.System);
}
