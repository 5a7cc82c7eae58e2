using System.Security.Cryptography;
using Station.Personalization.Lds;
using Station.Personalization.Signing;
using Station.Personalization.Tests.TestSupport;
using Station.Personalization.Verification;

namespace Station.Personalization.Tests.Signing;

public class SodBuilderTests(SoftwarePki pki) : IClassFixture<SoftwarePki>
{
    [Fact]
    public void SOD_is_SignedData_v3_over_SHA256_hashes_with_the_required_signed_attributes()
    {
        var files = SampleChipFiles.Create();

        byte[] bytes = SodBuilder.Build(files, pki.Signer, SoftwarePki.Now);
        var sod = SodFile.Decode(bytes);

        Assert.Equal(0x77, bytes[0]);
        Assert.Equal(3, sod.SignedDataVersion);
        Assert.Equal(LdsSecurityObject.ContentType, sod.EContentType);
        Assert.Equal(LdsSecurityObject.ContentType, sod.SignerInfo.ContentType);
        Assert.Equal(SoftwarePki.Now, sod.SignerInfo.SigningTime);
        Assert.Equal("2.16.840.1.101.3.4.2.1", sod.SignerInfo.DigestAlgorithmOid);
        Assert.Equal("1.2.840.10045.4.3.2", sod.SignerInfo.SignatureAlgorithmOid);
        Assert.Null(sod.SignerInfo.SignatureAlgorithmParameters);
        Assert.Equal(pki.Pki.DocumentSigner.RawData, sod.DocumentSignerCertificate!.RawData);
        Assert.Single(sod.Certificates);
        Assert.False(sod.SecurityObject.DigestParametersNull);
        foreach (var (number, file) in files)
            Assert.Equal(SHA256.HashData(file), sod.SecurityObject.DataGroupHashes[number]);
        // Digest AlgorithmIdentifiers omit NULL everywhere in the SOD (Part 10 §4.6.2).
        Assert.DoesNotContain("06096086480165030402010500", Hex.Of(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void Our_SOD_passes_every_check_against_the_test_CSCA()
    {
        var files = SampleChipFiles.Create();
        byte[] sod = SodBuilder.Build(files, pki.Signer, SoftwarePki.Now);

        var report = new PassiveAuthenticator().Verify(files, sod, pki.Pki.Csca, SoftwarePki.Now.AddDays(1));

        Assert.True(report.AllPerformed, string.Join("\n", report.Checks));
        Assert.Contains(report.Checks, c => c.Name == "DS certificate chain" && c.Outcome == CheckOutcome.Passed);
        Assert.Equal(5, report.Checks.Count(c => c.Name.EndsWith(" hash", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_foreign_CSCA_fails_the_chain()
    {
        var files = SampleChipFiles.Create();
        byte[] sod = SodBuilder.Build(files, pki.Signer, SoftwarePki.Now);
        using var otherCsca = Station.Personalization.Pki.TestPkiFactory.CreateCsca(SoftwarePki.Now, new() { CscaCommonName = "Other CSCA" });

        var report = new PassiveAuthenticator().Verify(files, sod, otherCsca, SoftwarePki.Now.AddDays(1));

        Assert.Equal(CheckOutcome.Failed, report.Checks.Single(c => c.Name == "DS certificate chain").Outcome);
        Assert.Equal(CheckOutcome.Passed, report.Checks.Single(c => c.Name == "SOD signature").Outcome);
    }

    [Theory]
    [InlineData("SHA384")]
    [InlineData("SHA512")]
    [InlineData("SHA1")]
    public void Other_hash_algorithms_build_and_verify(string hash)
    {
        var files = SampleChipFiles.Create();
        var name = new HashAlgorithmName(hash);

        byte[] sod = SodBuilder.Build(files, pki.Signer, SoftwarePki.Now, new SodOptions(name));

        Assert.Equal(name, SodFile.Decode(sod).SecurityObject.HashAlgorithm);
        Assert.True(new PassiveAuthenticator().Verify(files, sod, pki.Pki.Csca, SoftwarePki.Now).AllPerformed);
    }

    [Fact]
    public void RSASSA_PSS_signer_builds_an_SOD_that_verifies()
    {
        using var rsaKey = RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=RSA DS, C=VN", rsaKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pss);
        using var certificate = request.CreateSelfSigned(SoftwarePki.Now.AddDays(-1), SoftwarePki.Now.AddYears(1));
        using var signer = FileDocumentSigner.FromPem(rsaKey.ExportPkcs8PrivateKeyPem(), certificate.ExportCertificatePem(), _ => { });
        var files = SampleChipFiles.Create();

        byte[] sod = SodBuilder.Build(files, signer, SoftwarePki.Now);

        Assert.Equal("1.2.840.113549.1.1.10", SodFile.Decode(sod).SignerInfo.SignatureAlgorithmOid);
        var report = new PassiveAuthenticator().Verify(files, sod, certificate, SoftwarePki.Now);
        Assert.True(report.AllPerformed, string.Join("\n", report.Checks));
    }

    [Fact]
    public void A_refusing_signer_surfaces_as_SignerUnavailable()
    {
        var refusing = new RefusingSigner(pki.Pki.DocumentSigner);

        var error = Assert.Throws<SignerUnavailableException>(() => SodBuilder.Build(SampleChipFiles.Create(), refusing, SoftwarePki.Now));

        Assert.Contains("token removed", error.Message, StringComparison.Ordinal);
    }

    private sealed class RefusingSigner(System.Security.Cryptography.X509Certificates.X509Certificate2 certificate) : IDocumentSigner
    {
        public System.Security.Cryptography.X509Certificates.X509Certificate2 Certificate => certificate;
        public string Description => "refusing";
        public byte[] SignHash(ReadOnlySpan<byte> hash, HashAlgorithmName hashAlgorithm) => throw new SignerUnavailableException("token removed");
    }
}
