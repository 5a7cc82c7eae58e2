using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Net.Pkcs11Interop.Common;
using Station.Personalization.Lds;
using Station.Personalization.Signing;
using Station.Personalization.Tests.TestSupport;
using Station.Personalization.Verification;

namespace Station.Personalization.Tests.Signing;

[Collection(SoftHsmCollection.Name)]
public class Pkcs11DocumentSignerTests(SoftHsmFixture hsm)
{
    [Fact]
    public void SOD_signed_in_SoftHSM_verifies_with_our_verifier_and_openssl()
    {
        using var signer = new Pkcs11DocumentSigner(hsm.Options, hsm.Pki.DocumentSigner);
        var files = SampleChipFiles.Create();

        byte[] sod = SodBuilder.Build(files, signer, SoftwarePki.Now);

        var report = new PassiveAuthenticator().Verify(files, sod, hsm.Pki.Csca, SoftwarePki.Now.AddHours(1));
        Assert.True(report.AllPerformed, string.Join("\n", report.Checks));
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("sod.der"), SodFile.Decode(sod).ContentInfo);
        File.WriteAllText(dir.File("csca.pem"), hsm.Pki.Csca.ExportCertificatePem());
        var openssl = Tool.Run("openssl", ["cms", "-verify", "-inform", "DER", "-in", dir.File("sod.der"), "-CAfile", dir.File("csca.pem"), "-purpose", "any", "-out", "/dev/null"], "openssl");
        Assert.True(openssl.ExitCode == 0, openssl.ToString());
        Assert.Null(hsm.Pki.DocumentSignerKeyPem);
    }

    [Fact]
    public void DS_private_key_is_sensitive_and_never_extractable()
    {
        using (var session = Pkcs11Session.Open(hsm.Options))
        {
            var key = session.Find(CKO.CKO_PRIVATE_KEY, SoftHsmFixture.KeyLabel)!;
            var attributes = session.Session.GetAttributeValue(key, [CKA.CKA_EXTRACTABLE, CKA.CKA_SENSITIVE, CKA.CKA_NEVER_EXTRACTABLE]);
            Assert.False(attributes[0].GetValueAsBool());
            Assert.True(attributes[1].GetValueAsBool());
            Assert.True(attributes[2].GetValueAsBool());
        }

        // Independent look with OpenSC's pkcs11-tool.
        var listed = Tool.Run("pkcs11-tool",
            ["--module", SoftHsmFixture.ModulePath, "--token-label", SoftHsmFixture.TokenLabel, "--login", "--pin", SoftHsmFixture.Pin, "--list-objects", "--type", "privkey"],
            "opensc", hsm.Environment);
        Assert.True(listed.ExitCode == 0, listed.ToString());
        Assert.Contains("label:      DS", listed.Stdout, StringComparison.Ordinal);
        Assert.Contains("never extractable", listed.Stdout, StringComparison.Ordinal);
        Assert.Contains("sensitive", listed.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_module_is_named()
    {
        var options = hsm.Options with { ModulePath = "/usr/lib/nothing/libmissing-pkcs11.so" };
        var error = Assert.Throws<SignerUnavailableException>(() => new Pkcs11DocumentSigner(options, hsm.Pki.DocumentSigner));
        Assert.Contains("module not found at '/usr/lib/nothing/libmissing-pkcs11.so'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_token_label_is_named()
    {
        var options = hsm.Options with { TokenLabel = "NoSuchToken" };
        var error = Assert.Throws<SignerUnavailableException>(() => new Pkcs11DocumentSigner(options, hsm.Pki.DocumentSigner));
        Assert.Contains("token with label 'NoSuchToken' not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_PIN_is_named()
    {
        // The spare token: no session of this process is logged in to it (login is per application and token).
        var options = hsm.Options with { TokenLabel = SoftHsmFixture.SpareTokenLabel, PinFile = hsm.WrongPinFile };
        var error = Assert.Throws<SignerUnavailableException>(() => new Pkcs11DocumentSigner(options, hsm.Pki.DocumentSigner));
        Assert.Contains("wrong PIN (CKR_PIN_INCORRECT)", error.Message, StringComparison.Ordinal);
        Assert.Contains(hsm.WrongPinFile, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_key_is_named()
    {
        var options = hsm.Options with { TokenLabel = SoftHsmFixture.SpareTokenLabel };
        var error = Assert.Throws<SignerUnavailableException>(() => new Pkcs11DocumentSigner(options, hsm.Pki.DocumentSigner));
        Assert.Contains("no private key labelled 'DS'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Certificate_of_another_key_is_refused()
    {
        var error = Assert.Throws<SignerUnavailableException>(() => new Pkcs11DocumentSigner(hsm.Options, hsm.Pki.Csca));
        Assert.Contains("does not belong to the DS certificate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Generating_over_an_existing_label_is_refused()
    {
        var error = Assert.Throws<SignerUnavailableException>(() => Pkcs11KeyGenerator.GenerateEcKeyPair(hsm.Options, ECCurve.NamedCurves.brainpoolP256r1));
        Assert.Contains("already holds a private key labelled 'DS'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Concurrent_signing_through_one_session_is_safe()
    {
        using var signer = new Pkcs11DocumentSigner(hsm.Options, hsm.Pki.DocumentSigner);
        using var publicKey = hsm.Pki.DocumentSigner.GetECDsaPublicKey()!;
        byte[] hash = SHA256.HashData("concurrent"u8);

        var signatures = new byte[16][];
        Parallel.For(0, signatures.Length, i => signatures[i] = signer.SignHash(hash, HashAlgorithmName.SHA256));

        Assert.All(signatures, s => Assert.True(publicKey.VerifyHash(hash, s, DSASignatureFormat.Rfc3279DerSequence)));
    }
}
