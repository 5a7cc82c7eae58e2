using Station.Service.Stock;

namespace Station.Service.Tests.Stock;

public class CardSerialNumberTests
{
    [Fact]
    public void ParsesPrefixAndFixedWidthNumber()
    {
        var serial = CardSerialNumber.Parse("VN000000123");
        Assert.Equal(new CardSerialNumber("VN", 123, 9), serial);
        Assert.Equal("VN000000123", serial.ToString());
    }

    [Fact]
    public void PlusIncrementsTheNumberAndKeepsTheWidth()
    {
        Assert.Equal("VN000001000", CardSerialNumber.Parse("VN000000999").Plus(1).ToString());
    }

    [Fact]
    public void PlusPastTheWidthOverflows()
    {
        Assert.Throws<OverflowException>(() => CardSerialNumber.Parse("VN999999999").Plus(1));
    }

    [Theory]
    [InlineData("")]
    [InlineData("vn000000001")]
    [InlineData("VN12345")]
    [InlineData("000000001")]
    [InlineData("VN00000000A")]
    public void RejectsWhatIsNotASerial(string text)
    {
        var error = Assert.Throws<FormatException>(() => CardSerialNumber.Parse(text));
        Assert.Contains("VN000000001", error.Message, StringComparison.Ordinal);
    }
}
