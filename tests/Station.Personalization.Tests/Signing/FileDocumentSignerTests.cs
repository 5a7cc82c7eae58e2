using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Station.Personalization.Signing;
using Station.Personalization.Tests.TestSupport;

namespace Station.Personalization.Tests.Signing;

public class FileDocumentSignerTests(SoftwarePki pki) : IClassFixture<SoftwarePki>
{
    [Fact]
    public void Loading_from_files_warns_and_signs_DER_ECDSA_that_the_certificate_verifies()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("ds.key"), pki.Pki.DocumentSignerKeyPem);
        File.WriteAllText(dir.File("ds.pem"), pki.Pki.DocumentSigner.ExportCertificatePem());
        var warnings = new List<string>();

        using var signer = FileDocumentSigner.FromFiles(dir.File("ds.key"), dir.File("ds.pem"), warnings.Add);
        byte[] hash = SHA256.HashData("SOD"u8);
        byte[] signature = signer.SignHash(hash, HashAlgorithmName.SHA256);

        var warning = Assert.Single(warnings);
        Assert.Contains("development only", warning, StringComparison.Ordinal);
        Assert.Equal(0x30, signature[0]);
        using var publicKey = signer.Certificate.GetECDsaPublicKey()!;
        Assert.True(publicKey.VerifyHash(hash, signature, DSASignatureFormat.Rfc3279DerSequence));
    }

    [Fact]
    public void Missing_key_file_names_the_path()
    {
        var error = Assert.Throws<SignerUnavailableException>(() => FileDocumentSigner.FromFiles("/nonexistent/ds.key", "/nonexistent/ds.pem", _ => { }));
        Assert.Contains("/nonexistent/ds.key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Key_that_does_not_belong_to_the_certificate_is_refused()
    {
        using var other = ECDsa.Create(ECCurve.NamedCurves.brainpoolP256r1);
        var error = Assert.Throws<SignerUnavailableException>(() =>
            FileDocumentSigner.FromPem(other.ExportPkcs8PrivateKeyPem(), pki.Pki.DocumentSigner.ExportCertificatePem(), _ => { }));
        Assert.Contains("does not belong to the certificate", error.Message, StringComparison.Ordinal);
    }
}
