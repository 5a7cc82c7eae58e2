using Station.Personalization.Lds;
using Station.Personalization.Tests.TestSupport;

namespace Station.Personalization.Tests.Lds;

public class SodFileTests
{
    [Fact]
    public void BSI2008_SOD_decodes_and_re_encodes_byte_for_byte()
    {
        byte[] file = Vectors.Bsi2008("SOD.bin");

        var sod = SodFile.Decode(file);

        Assert.Equal(3, sod.SignedDataVersion);
        Assert.Equal("2.23.136.1.1.1", sod.EContentType);
        Assert.Equal("1.3.14.3.2.26", sod.SignerInfo.DigestAlgorithmOid);
        Assert.Equal("1.2.840.10045.4.1", sod.SignerInfo.SignatureAlgorithmOid);
        var ds = Assert.IsType<System.Security.Cryptography.X509Certificates.X509Certificate2>(sod.DocumentSignerCertificate);
        Assert.Contains("CN=DS", ds.Subject, StringComparison.Ordinal);
        Assert.Equal(0x31, sod.SignerInfo.SignedAttributes[0]);
        Assert.Equal(Hex.Of(file), Hex.Of(sod.Encode()));
    }

    [Fact]
    public void Wrong_wrapper_tag_is_named()
    {
        byte[] file = Vectors.Bsi2008("SOD.bin");
        file[0] = 0x76;
        Assert.Contains("EF.SOD: expected tag 77", Assert.Throws<FormatException>(() => SodFile.Decode(file)).Message, StringComparison.Ordinal);
    }
}
