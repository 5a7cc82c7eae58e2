using Station.Personalization.Apdu;

namespace Station.Personalization.Tests.Apdu;

public class ApduExchangeTests
{
    [Fact]
    public async Task Collects_61xx_data_with_GET_RESPONSE()
    {
        var card = new ScriptedCard(
            ("00B0000000", "01020304610A"),
            ("00C000000A", "0506070809101112131461 02".Replace(" ", "")),
            ("00C0000002", "15169000"));
        var exchange = new ApduExchange(card);

        var response = await exchange.SendAsync(new CommandApdu(0, Instruction.ReadBinary, 0, 0, ne: 256), CancellationToken.None);

        Assert.Equal("0102030405060708091011121314" + "1516", Convert.ToHexString(response.Data));
        Assert.Equal(StatusWord.Success, response.StatusWord);
        card.AssertFinished();
    }

    [Fact]
    public async Task Resends_with_the_exact_Le_on_6Cxx()
    {
        var card = new ScriptedCard(
            ("00B0000000", "6C04"),
            ("00B0000004", "600102039000"));
        var response = await new ApduExchange(card).SendAsync(new CommandApdu(0, Instruction.ReadBinary, 0, 0, ne: 256), CancellationToken.None);

        Assert.Equal("60010203", Convert.ToHexString(response.Data));
        card.AssertFinished();
    }

    [Fact]
    public async Task Passes_errors_through_unchanged()
    {
        var card = new ScriptedCard(("00A4020C020101", "6A82"));
        var response = await new ApduExchange(card).SendAsync(new CommandApdu(0, Instruction.SelectFile, 2, 0x0C, [1, 1]), CancellationToken.None);
        Assert.Equal(StatusWord.FileNotFound, response.StatusWord);
    }
}
