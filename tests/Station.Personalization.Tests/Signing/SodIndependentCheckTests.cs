using System.Security.Cryptography;
using Station.Personalization.Lds;
using Station.Personalization.Signing;
using Station.Personalization.Tests.TestSupport;
using Station.Personalization.Verification;

namespace Station.Personalization.Tests.Signing;

/// <summary>Checks our SOD with tools that share no code with it: OpenSSL's CMS verifier and Debian's python3-asn1crypto.</summary>
public class SodIndependentCheckTests(SoftwarePki pki) : IClassFixture<SoftwarePki>
{
    private static Tool.Result OpensslVerify(string contentInfoPath, string cscaPath) => Tool.Run("openssl",
        ["cms", "-verify", "-inform", "DER", "-in", contentInfoPath, "-CAfile", cscaPath, "-purpose", "any", "-out", "/dev/null"], "openssl");

    [Fact]
    public void Openssl_cms_verifies_our_SOD_with_the_test_CSCA_as_only_anchor_and_rejects_a_changed_byte()
    {
        using var dir = new TempDirectory();
        var sod = SodFile.Decode(SodBuilder.Build(SampleChipFiles.Create(), pki.Signer, SoftwarePki.Now));
        File.WriteAllText(dir.File("csca.pem"), pki.Pki.Csca.ExportCertificatePem());
        File.WriteAllBytes(dir.File("sod.der"), sod.ContentInfo);

        var good = OpensslVerify(dir.File("sod.der"), dir.File("csca.pem"));
        Assert.True(good.ExitCode == 0, good.ToString());
        Assert.Contains("Verification successful", good.Stderr, StringComparison.Ordinal);

        // One byte inside the LDSSecurityObject (a DG hash) changed.
        byte[] tampered = (byte[])sod.ContentInfo.Clone();
        int at = tampered.AsSpan().IndexOf(sod.EContent) + sod.EContent.Length - 5;
        tampered[at] ^= 0x01;
        File.WriteAllBytes(dir.File("tampered.der"), tampered);
        var bad = OpensslVerify(dir.File("tampered.der"), dir.File("csca.pem"));
        Assert.True(bad.ExitCode != 0, bad.ToString());

        // Our verifier rejects the same SOD.
        var report = new PassiveAuthenticator().Verify(new Dictionary<int, byte[]>(), SodFile.Wrap(tampered), pki.Pki.Csca, SoftwarePki.Now);
        Assert.Equal(CheckOutcome.Failed, report.Checks.Single(c => c.Name == "SOD message digest").Outcome);
    }

    [Fact]
    public void Python_asn1crypto_reads_hashes_equal_to_SHA256_of_the_written_files()
    {
        using var dir = new TempDirectory();
        var files = SampleChipFiles.Create();
        var sod = SodFile.Decode(SodBuilder.Build(files, pki.Signer, SoftwarePki.Now));
        File.WriteAllBytes(dir.File("sod.der"), sod.ContentInfo);
        const string script = """
            import sys
            from asn1crypto import cms, core
            class DataGroupHash(core.Sequence):
                _fields = [('number', core.Integer), ('hash', core.OctetString)]
            class DataGroupHashes(core.SequenceOf):
                _child_spec = DataGroupHash
            class LdsSecurityObject(core.Sequence):
                _fields = [('version', core.Integer), ('alg', cms.DigestAlgorithm), ('hashes', DataGroupHashes)]
            info = cms.ContentInfo.load(open(sys.argv[1], 'rb').read())
            signed = info['content']
            assert signed['encap_content_info']['content_type'].dotted == '2.23.136.1.1.1'
            lso = LdsSecurityObject.load(signed['encap_content_info']['content'].contents)
            print(lso['alg']['algorithm'].dotted)
            for entry in lso['hashes']:
                print('%d %s' % (entry['number'].native, entry['hash'].native.hex().upper()))
            """;
        File.WriteAllText(dir.File("read_sod.py"), script);

        // Debian's interpreter, where python3-asn1crypto installs (a pyenv python3 on PATH would not have it).
        var result = Tool.Run("/usr/bin/python3", [dir.File("read_sod.py"), dir.File("sod.der")], "python3-asn1crypto");

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("2.16.840.1.101.3.4.2.1", lines[0]);
        var expected = files.OrderBy(p => p.Key).Select(p => $"{p.Key} {Convert.ToHexString(SHA256.HashData(p.Value))}");
        Assert.Equal(expected, lines.Skip(1));
    }
}
