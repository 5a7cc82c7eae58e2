using System.Security.Cryptography;
using SkiaSharp;
using Station.Devices.Camera;
using Station.Personalization.Biometrics;
using Station.Personalization.Lds;
using Station.Service.Tests.Testbed;
using Station.Service.Tests.TestSupport;

namespace Station.Service.Tests.Cli;

/// <summary>
/// <c>station chip build</c> and <c>station chip verify</c> as child processes, checked independently: <c>openssl cms -verify</c>
/// with the test CSCA as the only trust anchor, and the LDSSecurityObject's hashes read with python3-asn1crypto.
/// </summary>
public sealed class ChipBuildCliTests : IAsyncLifetime
{
    /// <summary>Prints "number hash-hex" for every DataGroupHash of a DER LDSSecurityObject (Doc 9303 Part 10 §4.6.2.2).</summary>
    private const string LdsHashesScript = """
        import sys
        from asn1crypto import core
        class DataGroupHash(core.Sequence):
            _fields = [('number', core.Integer), ('hash', core.OctetString)]
        class DataGroupHashes(core.SequenceOf):
            _child_spec = DataGroupHash
        class Algorithm(core.Sequence):
            _fields = [('algorithm', core.ObjectIdentifier), ('parameters', core.Any, {'optional': True})]
        class LdsSecurityObject(core.Sequence):
            _fields = [('version', core.Integer), ('hashAlgorithm', Algorithm), ('hashes', DataGroupHashes)]
        lso = LdsSecurityObject.load(open(sys.argv[1], 'rb').read())
        print(lso['hashAlgorithm']['algorithm'].dotted)
        for h in lso['hashes']:
            print(h['number'].native, h['hash'].native.hex().upper())
        """;

    private readonly string _root = Directory.CreateTempSubdirectory("station-chip-").FullName;

    private string Pki => Path.Combine(_root, "pki");

    private string Csca => Path.Combine(Pki, "csca.pem");

    public async Task InitializeAsync()
    {
        var init = await ChipCliProcess.RunAsync("pki", "init", "--out", Pki);
        Assert.True(init.ExitCode == 0, init.ToString());
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }

    private Task<StationResult> Build(string applicant, string output, params string[] extra) =>
        ChipCliProcess.RunAsync(["chip", "build", applicant, "--out", output, "--pki", Pki, .. extra]);

    private async Task<string> BuildSample(string sample)
    {
        var output = Path.Combine(_root, Path.GetFileNameWithoutExtension(sample));
        var build = await Build(ChipCliProcess.Sample(sample), output);
        Assert.True(build.ExitCode == 0, build.ToString());
        return output;
    }

    [Theory]
    [InlineData("vnm-01-nguyen-van-an.json", true)]
    [InlineData("vnm-03-pham-dinh-uoc-elderly.json", true)]
    [InlineData("icao-01-uto-eriksson-long-number.json", false)] // the ICAO-TD1 profile has no DG13
    [InlineData("icao-02-uto-teresa-canon.json", false)]
    public async Task Built_chip_data_verifies_with_the_station_with_openssl_and_with_asn1crypto(string sample, bool hasDg13)
    {
        var output = await BuildSample(sample);

        var expected = ChipFiles.Names.Where(n => hasDg13 || n != "DG13.bin").ToArray();
        Assert.Equal(expected.Order(StringComparer.Ordinal), Directory.GetFiles(output, "*.bin").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        using (var summary = ChipFiles.Summary(output))
        {
            var files = summary.RootElement.GetProperty("files").EnumerateArray().ToList();
            Assert.Equal(expected, files.Select(f => f.GetProperty("fileName").GetString()));
            Assert.All(files, f => Assert.Equal(ChipFiles.Sha256Hex(Path.Combine(output, f.GetProperty("fileName").GetString()!)), f.GetProperty("sha256").GetString()));
            var lines = summary.RootElement.GetProperty("mrzLines").EnumerateArray().Select(l => l.GetString()!).ToArray();
            Assert.Equal(3, lines.Length);
            // MRZ information ends with date of birth + check digit and date of expiry + check digit, as TD1 line 2 prints them.
            var mrzInformation = summary.RootElement.GetProperty("mrzInformation").GetString()!;
            Assert.Equal(lines[1][..7] + lines[1][8..15], mrzInformation[^14..]);
        }

        Assert.DoesNotContain("PRIVATE KEY", await File.ReadAllTextAsync(Path.Combine(output, "chip.json")), StringComparison.Ordinal);

        var verify = await ChipCliProcess.RunAsync("chip", "verify", output, "--csca", Csca);
        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.Contains("PASS          DS certificate chain", verify.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("FAIL", verify.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("NOT PERFORMED", verify.Stdout, StringComparison.Ordinal);

        var content = await OpensslVerify(output);
        Assert.True(content.Result.ExitCode == 0, $"openssl cms -verify failed: {content.Result.Output}");
        var hashes = await LdsHashes(content.ContentPath);
        Assert.Equal("2.16.840.1.101.3.4.2.1", hashes.Algorithm); // id-sha256
        Assert.Equal(Directory.GetFiles(output, "DG*.bin").Length, hashes.ByNumber.Count);
        foreach (var (number, hash) in hashes.ByNumber)
        {
            Assert.Equal(ChipFiles.Sha256Hex(Path.Combine(output, $"DG{number}.bin")), hash);
        }
    }

    [Fact]
    public async Task Verify_without_a_csca_says_the_chain_was_not_checked_and_exits_zero()
    {
        var output = await BuildSample("vnm-02-tran-thi-huong.json");

        var verify = await ChipCliProcess.RunAsync("chip", "verify", output);

        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.Contains("NOT PERFORMED DS certificate chain: No CSCA given.", verify.Stdout, StringComparison.Ordinal);
        Assert.Contains("every performed check passed (1 not performed)", verify.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_byte_changed_in_DG1_fails_verify_naming_DG1()
    {
        var output = await BuildSample("vnm-01-nguyen-van-an.json");
        var dg1 = Path.Combine(output, "DG1.bin");
        var bytes = await File.ReadAllBytesAsync(dg1);
        bytes[^1] ^= 0x01;
        await File.WriteAllBytesAsync(dg1, bytes);

        var verify = await ChipCliProcess.RunAsync("chip", "verify", output, "--csca", Csca);

        Assert.True(verify.ExitCode == 1, verify.ToString());
        Assert.Contains("FAIL          DG1 hash", verify.Stdout, StringComparison.Ordinal);
        Assert.Contains("Passive authentication FAILED: DG1 hash", verify.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_byte_changed_in_the_signed_content_fails_openssl_and_verify()
    {
        var output = await BuildSample("icao-02-uto-teresa-canon.json");
        var sodPath = Path.Combine(output, "SOD.bin");
        var sod = await File.ReadAllBytesAsync(sodPath);
        // DG2's hash sits inside the signed LDSSecurityObject: change one byte of it.
        var dg2Hash = SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(output, "DG2.bin")));
        int at = sod.AsSpan().IndexOf(dg2Hash);
        Assert.True(at > 0, "DG2's hash not found in SOD.bin");
        sod[at] ^= 0x01;
        await File.WriteAllBytesAsync(sodPath, sod);

        var openssl = await OpensslVerify(output);
        var verify = await ChipCliProcess.RunAsync("chip", "verify", output, "--csca", Csca);

        Assert.NotEqual(0, openssl.Result.ExitCode);
        Assert.True(verify.ExitCode == 1, verify.ToString());
        Assert.Contains("FAIL          SOD message digest", verify.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_applicant_exits_two_with_the_field_and_writes_nothing()
    {
        var applicant = Path.Combine(_root, "bad.json");
        await File.WriteAllTextAsync(applicant, """{ "applicationId": "X-1", "profile": "VNM", "fullName": "A", "idNumber": "001090012345", "dateOfBirth": "1990-02-30", "sex": "M" }""");
        var output = Path.Combine(_root, "bad");

        var build = await Build(applicant, output);

        Assert.True(build.ExitCode == 2, build.ToString());
        Assert.Contains("dateOfBirth:", build.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task A_photo_that_is_not_a_jpeg_or_is_corrupt_exits_two_and_writes_nothing()
    {
        var png = Path.Combine(_root, "photo.png");
        await File.WriteAllBytesAsync(png, GrayPng(40, 50, 0x80));
        var corrupt = Path.Combine(_root, "corrupt.jpg");
        await File.WriteAllBytesAsync(corrupt, [0xFF, 0xD8, 0xFF, 0xE0, .. new byte[200]]);

        var notJpeg = await Build(ChipCliProcess.Sample("vnm-01-nguyen-van-an.json"), Path.Combine(_root, "p1"), "--photo", png);
        var broken = await Build(ChipCliProcess.Sample("vnm-01-nguyen-van-an.json"), Path.Combine(_root, "p2"), "--photo", corrupt);

        Assert.True(notJpeg.ExitCode == 2, notJpeg.ToString());
        Assert.Contains("--photo:", notJpeg.Stderr, StringComparison.Ordinal);
        Assert.Contains("not a JPEG", notJpeg.Stderr, StringComparison.Ordinal);
        Assert.True(broken.ExitCode == 2, broken.ToString());
        Assert.Contains("PortraitInvalid", broken.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_root, "p1")));
        Assert.False(Directory.Exists(Path.Combine(_root, "p2")));
        Assert.Empty(Directory.GetDirectories(_root, ".*partial*"));
    }

    [Fact]
    public async Task A_signer_that_refuses_exits_one_and_leaves_the_output_folder_untouched()
    {
        var other = Path.Combine(_root, "other-pki");
        Assert.Equal(0, (await ChipCliProcess.RunAsync("pki", "init", "--out", other)).ExitCode);
        var output = Path.Combine(_root, "refused");
        Directory.CreateDirectory(output);

        // The key of one PKI with the certificate of another: the signer refuses before anything is built.
        var build = await ChipCliProcess.RunAsync("chip", "build", ChipCliProcess.Sample("vnm-01-nguyen-van-an.json"), "--out", output,
            "--signer-key", Path.Combine(Pki, "ds.key"), "--signer-cert", Path.Combine(other, "ds.pem"), "--csca", Csca);
        // A good signer, but a CSCA that did not issue it: the self-check fails, nothing is written.
        var wrongCsca = await Build(ChipCliProcess.Sample("vnm-01-nguyen-van-an.json"), output, "--csca", Path.Combine(other, "csca.pem"));

        Assert.True(build.ExitCode == 1, build.ToString());
        Assert.Contains("does not belong to the certificate", build.Stderr, StringComparison.Ordinal);
        Assert.True(wrongCsca.ExitCode == 1, wrongCsca.ToString());
        Assert.Contains("FAIL          DS certificate chain", wrongCsca.Stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(output));
        Assert.Empty(Directory.GetDirectories(_root, ".*partial*"));
    }

    [Fact]
    public async Task A_folder_that_is_not_empty_is_refused_and_kept()
    {
        var output = Path.Combine(_root, "full");
        Directory.CreateDirectory(output);
        await File.WriteAllTextAsync(Path.Combine(output, "keep.txt"), "mine");

        var build = await Build(ChipCliProcess.Sample("vnm-01-nguyen-van-an.json"), output);

        Assert.True(build.ExitCode == 2, build.ToString());
        Assert.Contains("is not empty", build.Stderr, StringComparison.Ordinal);
        Assert.Equal(["keep.txt"], Directory.GetFileSystemEntries(output).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Photo_and_finger_pngs_given_on_the_command_line_go_into_DG2_and_DG3()
    {
        var photo = Path.Combine(_root, "face.jpg");
        await File.WriteAllBytesAsync(photo, SyntheticPortrait.RenderJpeg(7));
        var fingers = Path.Combine(_root, "fingers");
        Directory.CreateDirectory(fingers);
        await File.WriteAllBytesAsync(Path.Combine(fingers, "RightIndex.png"), GrayPng(120, 150, 0x30));
        await File.WriteAllBytesAsync(Path.Combine(fingers, "LeftIndex.png"), GrayPng(130, 160, 0xC0));
        var output = Path.Combine(_root, "given");

        var build = await Build(ChipCliProcess.Sample("vnm-01-nguyen-van-an.json"), output, "--photo", photo, "--fingers", fingers);

        Assert.True(build.ExitCode == 0, build.ToString());
        var dg3 = Dg3File.Decode(await File.ReadAllBytesAsync(Path.Combine(output, "DG3.bin")));
        var images = dg3.Fingers.SelectMany(f => f.Record.Images).ToList();
        Assert.Equal([FingerPosition.RightIndex, FingerPosition.LeftIndex], images.Select(i => i.Position));
        Assert.Equal([(120, 150), (130, 160)], images.Select(i => ((int)i.Width, (int)i.Height)));
        Assert.All(FingerImageEncoder.DecodeGray8(images[1].ImageData), p => Assert.Equal(0xC0, p));
        Assert.Equal(0, (await ChipCliProcess.RunAsync("chip", "verify", output, "--csca", Csca)).ExitCode);

        File.Delete(Path.Combine(fingers, "LeftIndex.png"));
        var missing = await Build(ChipCliProcess.Sample("vnm-01-nguyen-van-an.json"), Path.Combine(_root, "missing"), "--fingers", fingers);
        Assert.True(missing.ExitCode == 2, missing.ToString());
        Assert.Contains("LeftIndex.png", missing.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_new_verb_has_help()
    {
        string[][] verbs = [["chip"], ["chip", "build"], ["chip", "verify"], ["chip", "write"], ["chip", "read"], ["pki"], ["pki", "init"], ["readers"]];
        foreach (var verb in verbs)
        {
            var result = await ChipCliProcess.RunAsync([.. verb, "--help"]);
            Assert.True(result.ExitCode == 0, $"station {string.Join(' ', verb)} --help: {result}");
            Assert.Contains("Usage:", result.Stdout, StringComparison.Ordinal);
        }
    }

    private static byte[] GrayPng(int width, int height, byte value)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque));
        bitmap.Erase(new SKColor(value, value, value));
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private async Task<(ToolResult Result, string ContentPath)> OpensslVerify(string output)
    {
        var contentInfo = Path.Combine(output + ".cms.der");
        var content = Path.Combine(output + ".content.der");
        await File.WriteAllBytesAsync(contentInfo, ChipFiles.ContentInfoOf(await File.ReadAllBytesAsync(Path.Combine(output, "SOD.bin"))));
        var result = await ToolRun.Run(ToolLocator.Require("openssl"),
            "cms", "-verify", "-inform", "DER", "-in", contentInfo, "-CAfile", Csca, "-purpose", "any", "-out", content);
        return (result, content);
    }

    private static async Task<(string Algorithm, Dictionary<int, string> ByNumber)> LdsHashes(string contentPath)
    {
        var result = await ToolRun.Run(TestbedEnvironment.Python, "-c", LdsHashesScript, contentPath);
        Assert.True(result.ExitCode == 0, $"python3-asn1crypto could not read the LDSSecurityObject: {result.Output}");
        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return (lines[0], lines.Skip(1).Select(l => l.Split(' ')).ToDictionary(p => int.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture), p => p[1]));
    }
}
