using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Station.Personalization.Tests.TestSupport;

namespace Station.Personalization.Tests.Pki;

public class TestPkiFactoryTests(SoftwarePki fixture) : IClassFixture<SoftwarePki>
{
    [Fact]
    public void CSCA_is_self_signed_VN_CA_with_keyCertSign_cRLSign_and_SKI_equal_to_AKI()
    {
        var csca = fixture.Pki.Csca;

        Assert.True(csca.HasPrivateKey);
        Assert.Equal(csca.Subject, csca.Issuer);
        Assert.Contains("C=VN", csca.Subject, StringComparison.Ordinal);
        var usage = csca.Extensions.OfType<X509KeyUsageExtension>().Single();
        Assert.True(usage.Critical);
        Assert.Equal(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, usage.KeyUsages);
        var constraints = csca.Extensions.OfType<X509BasicConstraintsExtension>().Single();
        Assert.True(constraints.CertificateAuthority && constraints.Critical);
        var ski = csca.Extensions.OfType<X509SubjectKeyIdentifierExtension>().Single();
        var aki = csca.Extensions.OfType<X509AuthorityKeyIdentifierExtension>().Single();
        Assert.Equal(ski.SubjectKeyIdentifierBytes.ToArray(), aki.KeyIdentifier!.Value.ToArray());
        using var key = csca.GetECDsaPublicKey()!;
        Assert.Equal(ECCurve.NamedCurves.brainpoolP256r1.Oid.Value, key.ExportParameters(false).Curve.Oid.Value);
    }

    [Fact]
    public void Document_signer_is_issued_by_the_CSCA_for_digitalSignature_with_AKI()
    {
        var ds = fixture.Pki.DocumentSigner;
        var csca = fixture.Pki.Csca;

        Assert.False(ds.HasPrivateKey);
        Assert.Equal(csca.Subject, ds.Issuer);
        Assert.Equal(X509KeyUsageFlags.DigitalSignature, ds.Extensions.OfType<X509KeyUsageExtension>().Single().KeyUsages);
        Assert.Equal(
            csca.Extensions.OfType<X509SubjectKeyIdentifierExtension>().Single().SubjectKeyIdentifierBytes.ToArray(),
            ds.Extensions.OfType<X509AuthorityKeyIdentifierExtension>().Single().KeyIdentifier!.Value.ToArray());
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(csca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = SoftwarePki.Now.AddDays(1).UtcDateTime;
        Assert.True(chain.Build(ds), string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation)));
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", fixture.Pki.DocumentSignerKeyPem, StringComparison.Ordinal);
    }

    [Fact]
    public void Openssl_verifies_the_DS_certificate_against_the_CSCA()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("csca.pem"), fixture.Pki.Csca.ExportCertificatePem());
        File.WriteAllText(dir.File("ds.pem"), fixture.Pki.DocumentSigner.ExportCertificatePem());

        var result = Tool.Run("openssl", ["verify", "-CAfile", dir.File("csca.pem"), "-attime", SoftwarePki.Now.AddDays(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), dir.File("ds.pem")], "openssl");

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public void Written_files_load_back_as_a_file_signer_with_a_private_key_file()
    {
        using var dir = new TempDirectory();

        var written = fixture.Pki.WriteTo(dir.Path);

        Assert.Equal(["csca.pem", "ds.pem", "ds.key"], written.Select(Path.GetFileName));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(dir.File("ds.key")));
        using var signer = Station.Personalization.Signing.FileDocumentSigner.FromFiles(dir.File("ds.key"), dir.File("ds.pem"), _ => { });
        Assert.Equal(fixture.Pki.DocumentSigner.RawData, signer.Certificate.RawData);
        Assert.Equal(fixture.Pki.Csca.RawData, X509CertificateLoader.LoadCertificateFromFile(dir.File("csca.pem")).RawData);
    }
}
