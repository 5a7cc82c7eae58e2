using System.Security.Cryptography;
using Station.Personalization.Chip;
using Station.Personalization.Lds;
using Station.Personalization.Tests.TestSupport;

namespace Station.Personalization.Tests.Lds;

public class Dg15FileTests
{
    [Fact]
    public void BSI2008_DG15_is_an_RSA_1024_key_and_re_encodes_byte_for_byte()
    {
        byte[] file = Vectors.Bsi2008("DG15.bin");

        var dg15 = Dg15File.Decode(file);

        Assert.Equal("1.2.840.113549.1.1.1", dg15.AlgorithmOid);
        using var rsa = RSA.Create();
        rsa.ImportSubjectPublicKeyInfo(dg15.SubjectPublicKeyInfo, out _);
        Assert.Equal(1024, rsa.KeySize);
        Assert.Equal(Hex.Of(file), Hex.Of(dg15.Encode()));
    }

    [Fact]
    public void Profile_DG15_holds_the_active_authentication_key_and_round_trips()
    {
        var keys = new ChipKeyFactory().Create();

        byte[] encoded = new Dg15File(keys.ActiveAuthenticationPublicKey).Encode();
        var decoded = Dg15File.Decode(encoded);

        Assert.Equal(0x6F, encoded[0]);
        Assert.Equal(keys.ActiveAuthenticationPublicKey, decoded.SubjectPublicKeyInfo);
        Assert.Equal("1.2.840.10045.2.1", decoded.AlgorithmOid);
        Assert.Equal(encoded, decoded.Encode());
    }

    [Fact]
    public void Content_that_is_not_a_key_is_refused()
    {
        var error = Assert.Throws<FormatException>(() => Dg15File.Decode(Hex.Bytes("6F03020101")));
        Assert.Contains("SubjectPublicKeyInfo", error.Message, StringComparison.Ordinal);
    }
}
