using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Station.Personalization.Lds;
using Station.Personalization.Tests.TestSupport;
using Station.Personalization.Verification;

namespace Station.Personalization.Tests.Verification;

/// <summary>
/// SODs this project did not produce: OpenSSL's <c>cms -sign</c> makes them with the hash, key type and padding of
/// each case (Doc 9303 allows SHA-1/224/256/384/512, ECDSA, RSA PKCS#1 v1.5 and RSASSA-PSS; digest parameters may carry NULL).
/// </summary>
public class PassiveAuthenticatorForeignSodTests
{
    // openssl req -x509 starts validity at the current second; judge a day later.
    private static DateTimeOffset Now => DateTimeOffset.UtcNow.AddDays(1);

    public static TheoryData<string, string, string, bool> Cases => new()
    {
        // key, openssl digest, padding, NULL digest parameters inside the LDSSecurityObject
        { "ec:P-256", "sha224", "", false },
        { "ec:brainpoolP256r1", "sha384", "", true },
        { "ec:brainpoolP384r1", "sha512", "", false },
        { "rsa:2048", "sha1", "pkcs1", true },
        { "rsa:2048", "sha256", "pkcs1", false },
        { "rsa:2048", "sha224", "pkcs1", false },
        { "rsa:2048", "sha256", "pss", false },
        { "rsa:3072", "sha512", "pss", true },
        { "rsa:2048", "sha224", "pss", true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void OpenSSL_signed_SOD_verifies_and_a_changed_DG_fails(string key, string digest, string padding, bool nullParameters)
    {
        using var dir = new TempDirectory();
        var files = SampleChipFiles.Create();
        var hash = new HashAlgorithmName(digest.ToUpperInvariant());
        var lso = LdsSecurityObject.Create(hash, files) with { DigestParametersNull = nullParameters };
        File.WriteAllBytes(dir.File("lso.der"), lso.Encode());
        var certificate = MakeSelfSignedSigner(dir, key);

        var sign = new List<string>
        {
            "cms", "-sign", "-binary", "-nodetach", "-md", digest, "-econtent_type", "2.23.136.1.1.1", "-nosmimecap",
            "-outform", "DER", "-signer", dir.File("ds.pem"), "-inkey", dir.File("ds.key"), "-in", dir.File("lso.der"), "-out", dir.File("sod.der"),
        };
        if (padding == "pss") sign.AddRange(["-keyopt", "rsa_padding_mode:pss", "-keyopt", "rsa_pss_saltlen:digest"]);
        var signed = Tool.Run("openssl", sign, "openssl");
        Assert.True(signed.ExitCode == 0, signed.ToString());
        byte[] sod = SodFile.Wrap(File.ReadAllBytes(dir.File("sod.der")));

        var report = new PassiveAuthenticator().Verify(files, sod, certificate, Now);
        Assert.True(report.AllPerformed, string.Join("\n", report.Checks));

        files[2][^1] ^= 0x01;
        var tampered = new PassiveAuthenticator().Verify(files, sod, certificate, Now);
        Assert.Equal(CheckOutcome.Failed, tampered.Checks.Single(c => c.Name == "DG2 hash").Outcome);
    }

    private static X509Certificate2 MakeSelfSignedSigner(TempDirectory dir, string key)
    {
        string[] keyArguments = key.StartsWith("ec:", StringComparison.Ordinal)
            ? ["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:" + key[3..], "-out", dir.File("ds.key")]
            : ["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:" + key[4..], "-out", dir.File("ds.key")];
        var generated = Tool.Run("openssl", keyArguments, "openssl");
        Assert.True(generated.ExitCode == 0, generated.ToString());
        var request = Tool.Run("openssl",
            ["req", "-x509", "-new", "-key", dir.File("ds.key"), "-subj", "/C=UT/CN=Foreign DS", "-days", "30", "-out", dir.File("ds.pem")], "openssl");
        Assert.True(request.ExitCode == 0, request.ToString());
        return X509CertificateLoader.LoadCertificateFromFile(dir.File("ds.pem"));
    }
}
