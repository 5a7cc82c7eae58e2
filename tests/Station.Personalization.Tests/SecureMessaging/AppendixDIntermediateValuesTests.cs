using Station.Personalization.SecureMessaging;
using static Station.Personalization.Tests.SecureMessaging.AppendixD;

namespace Station.Personalization.Tests.SecureMessaging;

/// <summary>The intermediate values Appendix D prints (vectors §2.2-2.3), checked one by one with the primitives.</summary>
public class AppendixDIntermediateValuesTests
{
    private static readonly BacKeys Keys = BacKeys.FromMrzInformation(MrzInformation);

    [Fact]
    public void D3_terminal_and_chip_cryptograms()
    {
        byte[] s = Convert.FromHexString(RndIfd + RndIc + KIfd);
        Assert.Equal("781723860C06C2264608F919887022120B795240CB7049B01C19B33E32804F0B", Convert.ToHexString(s));
        byte[] eIfd = TripleDesSecureMessagingCipher.EncryptCbc(Keys.Encryption, s);
        Assert.Equal("72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F2", Convert.ToHexString(eIfd));
        Assert.Equal("5F1448EEA8AD90A7", Convert.ToHexString(RetailMac.Compute(Keys.Mac, Iso9797Padding.Pad(eIfd, 8))));

        byte[] r = Convert.FromHexString(RndIc + RndIfd + KIc);
        byte[] eIc = TripleDesSecureMessagingCipher.EncryptCbc(Keys.Encryption, r);
        Assert.Equal("46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F", Convert.ToHexString(eIc));
        Assert.Equal("2F2D235D074D7449", Convert.ToHexString(RetailMac.Compute(Keys.Mac, Iso9797Padding.Pad(eIc, 8))));

        byte[] seed = Convert.FromHexString(KIfd).Zip(Convert.FromHexString(KIc), (a, b) => (byte)(a ^ b)).ToArray();
        Assert.Equal("0036D272F5C350ACAC50C3F572D23600", Convert.ToHexString(seed));
    }

    [Theory]
    // SELECT EF.COM: padded data, its encryption, and CC over N.
    [InlineData("011E800000000000", "6375432908C044F6", "887022120C06C2270CA4020C800000008709016375432908C044F68000000000", "BF8B92D635FF24F8")]
    public void D4_command_encryption_and_MAC(string paddedData, string encrypted, string n, string cc)
    {
        var cipher = new TripleDesSecureMessagingCipher(Convert.FromHexString(KsEnc), Convert.FromHexString(KsMac));
        Assert.Equal(encrypted, Convert.ToHexString(cipher.Encrypt(new byte[8], Convert.FromHexString(paddedData))));
        Assert.Equal(cc, Convert.ToHexString(cipher.Mac(Convert.FromHexString(n))));
    }

    [Theory]
    [InlineData("887022120C06C2290CB00000800000009701048000000000", "ED6705417E96BA55")]   // READ BINARY 4, N
    [InlineData("887022120C06C22B0CB00004800000009701128000000000", "2EA28A70F3C7B535")]   // READ BINARY 18, N
    [InlineData("887022120C06C2289902900080000000", "FA855A5D4C50A8ED")]                   // SELECT response, K
    [InlineData("887022120C06C22A8709019FF0EC34F992265199029000" + "80", "AD55CC17140B2DED")] // READ BINARY 4 response, K (padded)
    public void D4_MACs_of_commands_and_responses(string paddedInput, string mac)
    {
        var cipher = new TripleDesSecureMessagingCipher(Convert.FromHexString(KsEnc), Convert.FromHexString(KsMac));
        Assert.Equal(mac, Convert.ToHexString(cipher.Mac(Convert.FromHexString(paddedInput))));
    }

    [Fact]
    public void D4_response_cryptograms_decrypt_to_the_EF_COM_bytes()
    {
        var cipher = new TripleDesSecureMessagingCipher(Convert.FromHexString(KsEnc), Convert.FromHexString(KsMac));
        Assert.Equal("60145F01", Convert.ToHexString(Iso9797Padding.Unpad(cipher.Decrypt(new byte[8], Convert.FromHexString("9FF0EC34F9922651")))));
        Assert.Equal("04303130365F36063034303030305C026175", Convert.ToHexString(Iso9797Padding.Unpad(cipher.Decrypt(new byte[8],
            Convert.FromHexString("FB9235F4E4037F2327DCC8964F1F9B8C30F42C8E2FFF224A")))));
    }
}
