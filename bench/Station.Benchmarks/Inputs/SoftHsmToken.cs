using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Station.Personalization.Pki;
using Station.Personalization.Signing;

namespace Station.Benchmarks.Inputs;

/// <summary>
/// A throw-away SoftHSM2 token for the PKCS#11 benchmarks (the approach of the tests' SoftHsmFixture): a temporary
/// SOFTHSM2_CONF and token folder, a token made with softhsm2-util, a test PKI whose DS key is generated in the token,
/// and a <see cref="Pkcs11DocumentSigner"/> on it. Dispose deletes the folder. Fails with the package to install
/// when SoftHSM2 is missing.
/// </summary>
internal sealed class SoftHsmToken : IDisposable
{
    public const string ModulePath = "/usr/lib/softhsm/libsofthsm2.so";
    private const string TokenLabel = "StationBench", KeyLabel = "DS", Pin = "123456";

    private readonly string directory = Directory.CreateTempSubdirectory("station-bench-softhsm-").FullName;

    public SoftHsmToken(DateTimeOffset now)
    {
        if (!File.Exists(ModulePath))
            throw new InvalidOperationException($"SoftHSM2 module missing at {ModulePath}: install the Debian package softhsm2.");
        string tokens = Directory.CreateDirectory(Path.Combine(directory, "tokens")).FullName;
        string config = Path.Combine(directory, "softhsm2.conf");
        File.WriteAllText(config, $"directories.tokendir = {tokens}\nobjectstore.backend = file\nlog.level = ERROR\n");
        // The module reads SOFTHSM2_CONF with getenv when it initializes; .NET's Environment does not reach the native environment.
        if (SetEnv("SOFTHSM2_CONF", config, 1) != 0)
            throw new InvalidOperationException("setenv(SOFTHSM2_CONF) failed.");
        InitToken(config);
        string pinFile = Path.Combine(directory, "pin");
        File.WriteAllText(pinFile, Pin + "\n");
        var options = new Pkcs11SignerOptions(ModulePath, TokenLabel, KeyLabel, pinFile);
        Pki = TestPkiFactory.CreateWithTokenKey(now, options);
        Signer = new Pkcs11DocumentSigner(options, Pki.DocumentSigner);
    }

    public TestPki Pki { get; }
    public Pkcs11DocumentSigner Signer { get; }

    public void Dispose()
    {
        Signer.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    private static void InitToken(string config)
    {
        var start = new ProcessStartInfo("softhsm2-util") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in new[] { "--init-token", "--free", "--label", TokenLabel, "--pin", Pin, "--so-pin", "12345678" })
            start.ArgumentList.Add(argument);
        start.Environment["SOFTHSM2_CONF"] = config;
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException("softhsm2-util is not installed: install the Debian package softhsm2.", e);
        }
        using var started = process;
        var stdout = process.StandardOutput.ReadToEndAsync();
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"softhsm2-util --init-token failed with exit {process.ExitCode}: {stdout.Result} {stderr}");
    }

    [DllImport("libc", EntryPoint = "setenv")]
    private static extern int SetEnv([MarshalAs(UnmanagedType.LPUTF8Str)] string name, [MarshalAs(UnmanagedType.LPUTF8Str)] string value, int overwrite);
}
