using Station.Service.Tests.Testbed;

namespace Station.Service.Tests.Cli;

/// <summary><c>station pki init</c> with a software key and with the key generated in a SoftHSM2 token; chip build with each signer.</summary>
public sealed class PkiCliTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("station-pki-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Software_pki_writes_a_chain_openssl_accepts_and_signs_chip_data_with_its_key_file()
    {
        var pki = Path.Combine(_root, "pki");

        var init = await ChipCliProcess.RunAsync("pki", "init", "--out", pki);

        Assert.True(init.ExitCode == 0, init.ToString());
        Assert.Equal(["csca.pem", "ds.key", "ds.pem"], Directory.GetFiles(pki).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(pki, "ds.key")));
        }
        Assert.Contains("\"Kind\": \"File\"", init.Stdout, StringComparison.Ordinal);
        Assert.Contains($"\"KeyFile\": \"{Path.Combine(pki, "ds.key")}\"", init.Stdout, StringComparison.Ordinal);
        var chain = await ToolRun.Run(ToolLocator.Require("openssl"), "verify", "-CAfile", Path.Combine(pki, "csca.pem"), Path.Combine(pki, "ds.pem"));
        Assert.True(chain.ExitCode == 0, chain.Output);

        var output = Path.Combine(_root, "chip");
        var build = await ChipCliProcess.RunAsync("chip", "build", ChipCliProcess.Sample("vnm-05-ton-nu-long-name.json"), "--out", output,
            "--signer-key", Path.Combine(pki, "ds.key"), "--signer-cert", Path.Combine(pki, "ds.pem"), "--csca", Path.Combine(pki, "csca.pem"));
        Assert.True(build.ExitCode == 0, build.ToString());
        var verify = await ChipCliProcess.RunAsync("chip", "verify", output, "--csca", Path.Combine(pki, "csca.pem"));
        Assert.True(verify.ExitCode == 0, verify.ToString());

        var again = await ChipCliProcess.RunAsync("pki", "init", "--out", pki);
        Assert.True(again.ExitCode == 2, again.ToString());
        Assert.Contains("already holds csca.pem", again.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_pki_generates_a_non_extractable_key_that_signs_chip_data_and_a_wrong_pin_writes_nothing()
    {
        using var token = await SoftHsmToken.Create("cli-pki");
        var pinFile = Path.Combine(_root, "pin");
        await File.WriteAllTextAsync(pinFile, token.UserPin);
        var pki = Path.Combine(_root, "pki");
        string[] tokenOptions = ["--pkcs11-module", SoftHsmToken.ModulePath, "--token", token.Label, "--pin-file", pinFile, "--key-label", "DS-CLI"];

        var init = await ChipCliProcess.RunAsync(["pki", "init", "--out", pki, .. tokenOptions]);

        Assert.True(init.ExitCode == 0, init.ToString());
        Assert.Equal(["csca.pem", "ds.pem"], Directory.GetFiles(pki).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains("\"Kind\": \"Pkcs11\"", init.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"KeyLabel\": \"DS-CLI\"", init.Stdout, StringComparison.Ordinal);
        var objects = await ToolRun.Run(ToolLocator.Require("pkcs11-tool"), "--module", SoftHsmToken.ModulePath, "--token-label", token.Label,
            "--login", "--pin", token.UserPin, "--list-objects", "--type", "privkey");
        Assert.True(objects.ExitCode == 0, objects.Output);
        Assert.Contains("label:      DS-CLI", objects.Output, StringComparison.Ordinal);
        Assert.Contains("never extractable", objects.Output, StringComparison.Ordinal);
        Assert.Contains("sensitive", objects.Output, StringComparison.Ordinal);

        var output = Path.Combine(_root, "chip");
        var build = await ChipCliProcess.RunAsync(["chip", "build", ChipCliProcess.Sample("vnm-01-nguyen-van-an.json"), "--out", output,
            .. tokenOptions, "--signer-cert", Path.Combine(pki, "ds.pem"), "--csca", Path.Combine(pki, "csca.pem")]);
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains($"pkcs11:token={token.Label};object=DS-CLI", build.Stdout, StringComparison.Ordinal);
        var verify = await ChipCliProcess.RunAsync("chip", "verify", output, "--csca", Path.Combine(pki, "csca.pem"));
        Assert.True(verify.ExitCode == 0, verify.ToString());

        await File.WriteAllTextAsync(pinFile, "000000");
        var refused = Path.Combine(_root, "refused");
        var wrongPin = await ChipCliProcess.RunAsync(["chip", "build", ChipCliProcess.Sample("vnm-01-nguyen-van-an.json"), "--out", refused,
            .. tokenOptions, "--signer-cert", Path.Combine(pki, "ds.pem")]);
        Assert.True(wrongPin.ExitCode == 1, wrongPin.ToString());
        Assert.StartsWith("Document signer:", wrongPin.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(refused));
    }
}
