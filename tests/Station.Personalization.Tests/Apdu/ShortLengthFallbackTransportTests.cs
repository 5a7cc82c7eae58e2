using Station.Personalization.Apdu;

namespace Station.Personalization.Tests.Apdu;

public class ShortLengthFallbackTransportTests
{
    [Fact]
    public async Task Resends_a_refused_extended_UPDATE_BINARY_as_short_chunks_and_stays_short()
    {
        byte[] data = Enumerable.Range(0, 600).Select(i => (byte)i).ToArray();
        string Hex(int from, int count) => Convert.ToHexString(data, from, count);
        var card = new ScriptedCard(
            ("00D60100000258" + Hex(0, 600), "6700"),
            ("00D60100FF" + Hex(0, 255), "9000"),
            ("00D601FFFF" + Hex(255, 255), "9000"),
            ("00D602FE5A" + Hex(510, 90), "9000"),
            ("00D6000001AA", "9000")) { MaxCommandDataLength = 65535, MaxResponseDataLength = 65536 };
        var transport = new ShortLengthFallbackTransport(card);
        Assert.Equal(65535, transport.MaxCommandDataLength);

        var response = await transport.SendAsync(new CommandApdu(0, Instruction.UpdateBinary, 0x01, 0x00, data), CancellationToken.None);
        Assert.Equal(StatusWord.Success, response.StatusWord);
        Assert.True(transport.ExtendedRefused);
        Assert.Equal(255, transport.MaxCommandDataLength);
        Assert.Equal(256, transport.MaxResponseDataLength);
        await transport.SendAsync(new CommandApdu(0, Instruction.UpdateBinary, 0, 0, [0xAA]), CancellationToken.None);
        card.AssertFinished();
    }

    [Fact]
    public async Task Resends_a_refused_extended_READ_BINARY_with_a_short_Le()
    {
        var card = new ScriptedCard(
            ("00B00000001000", "6700"),
            ("00B0000000", "01029000")) { MaxResponseDataLength = 65536 };
        var response = await new ShortLengthFallbackTransport(card).SendAsync(new CommandApdu(0, Instruction.ReadBinary, 0, 0, ne: 4096), CancellationToken.None);
        Assert.Equal([1, 2], response.Data);
        card.AssertFinished();
    }

    [Fact]
    public async Task A_failing_chunk_stops_the_fallback_with_its_status()
    {
        var card = new ScriptedCard(
            ("00D6000000012C" + new string('0', 600), "6700"),
            ("00D60000FF" + new string('0', 510), "6581")) { MaxCommandDataLength = 65535 };
        var response = await new ShortLengthFallbackTransport(card).SendAsync(new CommandApdu(0, Instruction.UpdateBinary, 0, 0, new byte[300]), CancellationToken.None);
        Assert.Equal(StatusWord.MemoryFailure, response.StatusWord);
    }
}
