using Station.Personalization.Apdu;

namespace Station.Personalization.Tests.Apdu;

public class CommandApduTests
{
    [Theory]
    [InlineData("00A40000", 0, 0, "")]                              // case 1
    [InlineData("0084000008", 0, 8, "")]                             // case 2S
    [InlineData("00B0000000", 0, 256, "")]                           // case 2S, Le 00 = 256
    [InlineData("00A4020C02011E", 2, 0, "")]                         // case 3S
    [InlineData("00A4020002011E00", 2, 256, "")]                     // case 4S
    [InlineData("00B00000000400", 0, 1024, "")]                      // case 2E
    [InlineData("00B00000000000", 0, 65536, "")]                   // case 2E, Le 0000 = 65536
    public void Encodes_and_parses_the_ISO_7816_3_cases(string hex, int nc, int ne, string _)
    {
        var apdu = CommandApdu.Parse(Convert.FromHexString(hex));
        Assert.Equal(nc, apdu.Data.Length);
        Assert.Equal(ne, apdu.Ne);
        Assert.Equal(hex, Convert.ToHexString(apdu.ToBytes()));
    }

    [Fact]
    public void Uses_extended_length_for_more_than_255_data_bytes()
    {
        var data = Enumerable.Range(0, 300).Select(i => (byte)i).ToArray();
        var case3 = new CommandApdu(0x00, Instruction.UpdateBinary, 0, 0, data);
        var case4 = new CommandApdu(0x00, Instruction.UpdateBinary, 0, 0, data, 65536);

        Assert.Equal("00D60000" + "00012C" + Convert.ToHexString(data), Convert.ToHexString(case3.ToBytes()));
        Assert.Equal("00D60000" + "00012C" + Convert.ToHexString(data) + "0000", Convert.ToHexString(case4.ToBytes()));
        Assert.Equal(case4.ToBytes(), CommandApdu.Parse(case4.ToBytes()).ToBytes());
    }

    [Fact]
    public void Forced_extended_encoding_of_a_short_case_4()
    {
        var apdu = new CommandApdu(0x00, Instruction.SelectFile, 2, 0, [0x01, 0x1E], 256);
        Assert.Equal("00A4020000000201 1E0100".Replace(" ", ""), Convert.ToHexString(apdu.ToBytes(forceExtended: true)));
    }

    [Theory]
    [InlineData("00A4")]
    [InlineData("00A4020C05011E")]
    [InlineData("00D600000001")]
    public void Rejects_malformed_commands_with_a_clear_message(string hex)
    {
        var e = Assert.Throws<ApduException>(() => CommandApdu.Parse(Convert.FromHexString(hex)));
        Assert.NotEmpty(e.Message);
    }

    [Fact]
    public void Rejects_data_longer_than_extended_length()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CommandApdu(0, 0xD6, 0, 0, new byte[65536]));
    }

    [Fact]
    public void Response_parses_data_and_status_word()
    {
        var r = ResponseApdu.Parse(Convert.FromHexString("4608F919887022129000"));
        Assert.Equal("4608F91988702212", Convert.ToHexString(r.Data));
        Assert.Equal(StatusWord.Success, r.StatusWord);
        Assert.True(r.IsSuccess);

        var error = ResponseApdu.Parse([0x6A, 0x82]);
        var e = Assert.Throws<ApduException>(() => error.EnsureSuccess("SELECT DG1"));
        Assert.Equal(StatusWord.FileNotFound, e.StatusWord);
        Assert.Contains("SELECT DG1", e.Message, StringComparison.Ordinal);
        Assert.Contains("file not found", e.Message, StringComparison.Ordinal);
        Assert.Throws<ApduException>(() => ResponseApdu.Parse([0x90]));
    }
}
