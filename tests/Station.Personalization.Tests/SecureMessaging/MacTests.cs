using Station.Personalization.SecureMessaging;

namespace Station.Personalization.Tests.SecureMessaging;

public class MacTests
{
    private const string RfcKey = "2B7E151628AED2A6ABF7158809CF4F3C";
    private const string RfcMessage = "6BC1BEE22E409F96E93D7E117393172AAE2D8A571E03AC9C9EB76FAC45AF8E5130C81C46A35CE411E5FBC1191A0A52EFF69F2445DF4F9B17AD2B417BE66C3710";

    [Theory]
    [InlineData(0, "BB1D6929E95937287FA37D129B756746")]
    [InlineData(16, "070A16B46B4D4144F79BDD9DD04A287C")]
    [InlineData(40, "DFA66747DE9AE63030CA32611497C827")]
    [InlineData(64, "51F0BEBF7E3B9D92FC49741779363CFE")]
    public void AES_CMAC_matches_RFC_4493(int messageLength, string expected)
    {
        byte[] message = Convert.FromHexString(RfcMessage)[..messageLength];
        Assert.Equal(expected, Convert.ToHexString(AesCmac.Compute(Convert.FromHexString(RfcKey), message)));
    }

    [Fact]
    public void Retail_MAC_matches_Appendix_D3_M_IFD()
    {
        byte[] eIfd = Convert.FromHexString("72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F2");
        byte[] mac = RetailMac.Compute(Convert.FromHexString("7962D9ECE03D1ACD4C76089DCE131543"), Iso9797Padding.Pad(eIfd, 8));
        Assert.Equal("5F1448EEA8AD90A7", Convert.ToHexString(mac));
    }

    [Fact]
    public void Retail_MAC_rejects_unpadded_input()
    {
        Assert.Throws<ArgumentException>(() => RetailMac.Compute(new byte[16], new byte[7]));
    }

    [Fact]
    public void Padding_method_2_always_adds_a_marker()
    {
        Assert.Equal("011E800000000000", Convert.ToHexString(Iso9797Padding.Pad([0x01, 0x1E], 8)));
        Assert.Equal("01020304050607088000000000000000", Convert.ToHexString(Iso9797Padding.Pad([1, 2, 3, 4, 5, 6, 7, 8], 8)));
        Assert.Equal("011E", Convert.ToHexString(Iso9797Padding.Unpad(Convert.FromHexString("011E800000000000"))));
        Assert.Throws<SecureMessagingException>(() => Iso9797Padding.Unpad(new byte[8]));
    }
}
