using System.Runtime.CompilerServices;
using Station.Devices.SmartCards.Pcsc;
using Station.Devices.SmartCards.Simulation;

namespace Station.Devices.Tests.SmartCards;

/// <summary>Native layout and parsing checks that need no daemon.</summary>
public class PcscLayoutTests
{
    [Fact]
    public void Structs_match_pcsc_lite_on_64_bit_Linux()
    {
        Assert.Equal(8, Unsafe.SizeOf<nuint>());
        Assert.Equal(80, Unsafe.SizeOf<PcscNative.ReaderState>()); // 5 × 8 + 33, padded to 8
        Assert.Equal(16, Unsafe.SizeOf<PcscNative.IoRequest>());
    }

    [Theory]
    [InlineData("3B9513810180 73FF01404B", true, "8073FF0140")]       // vicc iso7816 with --extended-length
    [InlineData("3B8580018073000040B7", true, "8073000040")]          // simulated encoder, extended
    [InlineData("3B8580018073000000F7", false, "8073000000")]         // simulated encoder, short
    [InlineData("3B8F8001804F0CA000000306030001000000006A", false, "804F0CA00000030603000100000000")]
    public void Reads_extended_length_support_from_the_card_capabilities(string atrHex, bool extended, string historicalHex)
    {
        var atr = AnswerToReset.Parse(Convert.FromHexString(atrHex.Replace(" ", "")));
        Assert.Equal(extended, atr.ExtendedLength);
        Assert.StartsWith(historicalHex, Convert.ToHexString(atr.HistoricalBytes), StringComparison.Ordinal);
        Assert.Equal(SimulatedChipEncoder.ExtendedLengthAtr, Convert.FromHexString("3B8580018073000040B7"));
    }

    [Fact]
    public void A_truncated_ATR_is_rejected_clearly()
    {
        var e = Assert.Throws<FormatException>(() => AnswerToReset.Parse(Convert.FromHexString("3B9513")));
        Assert.Contains("ATR", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PcscError.NoService, "systemctl start pcscd")]
    [InlineData(PcscError.NoReadersAvailable, "no smart-card reader")]
    [InlineData(PcscError.RemovedCard, "no card")]
    [InlineData(PcscError.UnresponsiveCard, "does not answer")]
    [InlineData(PcscError.SharingViolation, "exclusively")]
    [InlineData(PcscError.ReaderUnavailable, "reader is gone")]
    public void Errors_say_what_happened_and_what_to_do(PcscError error, string expected)
    {
        var e = new PcscException(error, "SCardConnect");
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Contains("SCardConnect", e.Message, StringComparison.Ordinal);
    }
}
