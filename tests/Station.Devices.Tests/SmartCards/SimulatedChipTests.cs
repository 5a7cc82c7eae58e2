using Station.Devices.SmartCards.Simulation;
using Station.Personalization.Apdu;
using Station.Personalization.ChipProfiles;
using Station.Personalization.ChipScripts;
using Station.Personalization.Tests.ChipScripts;
using Station.Personalization.Tests.SecureMessaging;
using static Station.Personalization.Tests.SecureMessaging.AppendixD;

namespace Station.Devices.Tests.SmartCards;

public class SimulatedChipTests
{
    private static readonly ChipProfile Iso = ChipProfile.Load("iso7816-fs");

    [Fact]
    public void Accepts_the_iso7816_fs_script_and_stores_every_file()
    {
        var image = TestChipImages.WithPortrait(3000);
        var chip = new SimulatedChip();

        Personalize(chip, image, withLock: false);

        foreach (var file in image.Files)
            Assert.Equal(file.Content, chip.ReadFileDirect(file.Fid));
        Assert.Equal(image.CardAccess, chip.ReadFileDirect(0x011C));
        Assert.Equal("239AB9CB282DAF66231DC5A4DF6BFBAE", Convert.ToHexString(chip.BacKeySeed!));
        Assert.False(chip.Locked);
    }

    [Fact]
    public void Answers_the_Appendix_D_trace_from_the_chip_side_after_lock()
    {
        // The Minimal image carries the Appendix D EF.COM and the Appendix D MRZ key; RND.IC and K.IC are injected.
        var chip = new SimulatedChip(random: new FixedRandom(RndIc, KIc));
        Personalize(chip, TestChipImages.Minimal(), withLock: true);
        Assert.True(chip.Locked);

        Assert.Equal("9000", Send(chip, "00A4040C07A0000002471001"));
        Assert.Equal(GetChallengeResponse, Send(chip, GetChallenge));
        Assert.Equal(RespData + "9000", Send(chip, ExternalAuthenticate));
        Assert.Equal(ProtectedSelectResponse, Send(chip, ProtectedSelectEfCom));
        Assert.Equal(ProtectedReadBinary4Response, Send(chip, ProtectedReadBinary4));
        Assert.Equal(ProtectedReadBinary18Response, Send(chip, ProtectedReadBinary18));
    }

    [Fact]
    public void Refuses_plain_reads_after_lock_but_keeps_EF_CardAccess_open()
    {
        var chip = new SimulatedChip();
        Personalize(chip, TestChipImages.Minimal(), withLock: true);

        Assert.Equal("9000", Send(chip, "00A4040C07A0000002471001"));
        Assert.Equal("6982", Send(chip, "00A4020C02011E"));
        Assert.Equal("6985", Send(chip, "00D6000001FF"));
        Assert.Equal("9000", Send(chip, "00A4000C023F00"));
        Assert.Equal("9000", Send(chip, "00A4020C02011C"));
        Assert.Equal(TestChipImages.CardAccessHex + "9000", Send(chip, "00B0000016"));
    }

    [Fact]
    public void Rejects_a_wrong_BAC_key_and_a_forged_MAC()
    {
        var chip = new SimulatedChip(random: new FixedRandom(RndIc, KIc, RndIc, KIc));
        Personalize(chip, TestChipImages.Minimal() with { MrzInformation = "L898902C<369080619406237" }, withLock: true);

        Send(chip, "00A4040C07A0000002471001");
        Send(chip, GetChallenge);
        Assert.Equal("6300", Send(chip, ExternalAuthenticate));
    }

    [Fact]
    public void Short_length_chip_refuses_extended_APDUs_with_6700()
    {
        var chip = new SimulatedChip(extendedLength: false);
        Assert.Equal(255, chip.MaxCommandDataLength);
        Assert.Equal("6700", Send(chip, "00D60000000100" + new string('A', 512)));
    }

    [Fact]
    public void Read_binary_past_the_end_answers_6282_with_the_remaining_bytes()
    {
        var chip = new SimulatedChip();
        Personalize(chip, TestChipImages.Minimal(), withLock: false);
        Send(chip, "00A4040C07A0000002471001");
        Send(chip, "00A4020C02011E");
        Assert.Equal("30305C0261756282", Send(chip, "00B0001000"));
        Assert.Equal("6B00", Send(chip, "00B0001600"));
    }

    [Fact]
    public void Injected_write_failure_every_N_answers_6581()
    {
        var chip = new SimulatedChip(faults: new ChipFaults { FailWriteEvery = 2 });
        var script = ChipScriptBuilder.Build(TestChipImages.Minimal(), Iso, chip.MaxCommandDataLength);
        var answers = script.Personalization.Select(c => Convert.ToHexString(chip.Process(c.Command.ToBytes())[^2..])).ToArray();
        Assert.Contains("6581", answers);
    }

    [Fact]
    public void A_removed_or_mute_chip_fails_the_exchange_itself()
    {
        var removed = new SimulatedChip();
        removed.Remove();
        Assert.Equal(CardTransportFailure.CardRemoved, Assert.Throws<CardTransportException>(() => removed.Process([0, 0xA4, 0, 0])).Failure);
        var mute = new SimulatedChip();
        mute.GoMute();
        Assert.Equal(CardTransportFailure.CardMute, Assert.Throws<CardTransportException>(() => mute.Process([0, 0xA4, 0, 0])).Failure);
    }

    internal static void Personalize(SimulatedChip chip, Station.Personalization.Chip.ChipImage image, bool withLock)
    {
        var script = ChipScriptBuilder.Build(image, Iso, chip.MaxCommandDataLength);
        foreach (var step in withLock ? script.Personalization.Concat(script.Lock) : script.Personalization)
        {
            var response = ResponseApdu.Parse(chip.Process(step.Command.ToBytes()));
            Assert.True(response.StatusWord == step.ExpectedStatus, $"{step.Description}: {response.StatusWord:X4}");
        }
    }

    private static string Send(SimulatedChip chip, string command) => Convert.ToHexString(chip.Process(Convert.FromHexString(command)));
}
