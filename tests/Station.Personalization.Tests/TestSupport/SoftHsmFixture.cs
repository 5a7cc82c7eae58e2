using System.Runtime.InteropServices;
using Station.Personalization.Pki;
using Station.Personalization.Signing;

namespace Station.Personalization.Tests.TestSupport;

/// <summary>
/// A private SoftHSM2 for the PKCS#11 tests: a temporary SOFTHSM2_CONF and token folder, two tokens initialized
/// with softhsm2-util (SoftHSM reads its tokens when the module initializes, and a module is initialized once per
/// process, so every token is made before the first use), and a test PKI whose DS key is generated in token "Station".
/// Fails with a clear message when softhsm2 is not installed.
/// </summary>
public sealed class SoftHsmFixture : IDisposable
{
    public const string ModulePath = "/usr/lib/softhsm/libsofthsm2.so";
    public const string TokenLabel = "Station";
    public const string SpareTokenLabel = "Spare";
    public const string KeyLabel = "DS";
    public const string Pin = "123456";

    private readonly TempDirectory directory = new();

    public SoftHsmFixture()
    {
        if (!File.Exists(ModulePath))
            throw new InvalidOperationException($"SoftHSM2 module missing at {ModulePath}: install the Debian package softhsm2.");
        Directory.CreateDirectory(directory.File("tokens"));
        ConfigPath = directory.File("softhsm2.conf");
        File.WriteAllText(ConfigPath, $"directories.tokendir = {directory.File("tokens")}\nobjectstore.backend = file\nlog.level = ERROR\n");
        // The module reads SOFTHSM2_CONF with getenv; .NET's Environment does not change the native environment.
        if (SetEnv("SOFTHSM2_CONF", ConfigPath, 1) != 0)
            throw new InvalidOperationException("setenv(SOFTHSM2_CONF) failed.");
        foreach (string label in new[] { TokenLabel, SpareTokenLabel })
        {
            var result = Tool.Run("softhsm2-util", ["--init-token", "--free", "--label", label, "--pin", Pin, "--so-pin", "12345678"], "softhsm2", Environment);
            if (result.ExitCode != 0)
                throw new InvalidOperationException($"softhsm2-util --init-token failed: {result}");
        }
        PinFile = directory.File("pin");
        File.WriteAllText(PinFile, Pin + "\n");
        WrongPinFile = directory.File("wrong-pin");
        File.WriteAllText(WrongPinFile, "999999");
        Options = new Pkcs11SignerOptions(ModulePath, TokenLabel, KeyLabel, PinFile);
        Pki = TestPkiFactory.CreateWithTokenKey(SoftwarePki.Now, Options);
    }

    public string ConfigPath { get; }
    public string PinFile { get; }
    public string WrongPinFile { get; }
    public Pkcs11SignerOptions Options { get; }
    public TestPki Pki { get; }
    public Dictionary<string, string> Environment => new() { ["SOFTHSM2_CONF"] = ConfigPath };

    public void Dispose() => directory.Dispose();

    [DllImport("libc", EntryPoint = "setenv")]
    private static extern int SetEnv([MarshalAs(UnmanagedType.LPUTF8Str)] string name, [MarshalAs(UnmanagedType.LPUTF8Str)] string value, int overwrite);
}

[CollectionDefinition(Name)]
public sealed class SoftHsmCollection : ICollectionFixture<SoftHsmFixture>
{
    public const string Name = "SoftHSM2";
}
