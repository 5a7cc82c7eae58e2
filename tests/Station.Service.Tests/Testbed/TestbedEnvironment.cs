namespace Station.Service.Tests.Testbed;

/// <summary>
/// What ./test.sh (through scripts/testbed/up.sh) exported for the tests. Every accessor that a
/// test needs fails with a message saying how to get the test bed, so a missing daemon is a
/// clear failure, never a skip.
/// </summary>
public static class TestbedEnvironment
{
    private const string HowToStart =
        "run the tests through ./test.sh, or start the test bed with scripts/testbed/up.sh " +
        "and `source .testbed/env.sh` before `dotnet test`";

    /// <summary>The pcscd socket; its path is compiled into pcsc-lite.</summary>
    public const string PcscdSocket = "/run/pcscd/pcscd.comm";

    /// <summary>vpcd listens for card emulators here: reader "Virtual PCD 00 00".</summary>
    public const int VpcdReader0Port = 35963;

    /// <summary>The second vpcd slot: reader "Virtual PCD 00 01".</summary>
    public const int VpcdReader1Port = 35964;

    /// <summary>True when the tests run inside the test bed (STATION_TESTBED=1).</summary>
    public static bool IsActive => Environment.GetEnvironmentVariable("STATION_TESTBED") == "1";

    /// <summary>The run's scratch folder (.testbed/ in the repository).</summary>
    public static string Directory => Require("STATION_TESTBED_DIR");

    /// <summary>Debian's python3, which sees the python3-* packages (a pyenv one does not).</summary>
    public static string Python => Require("STATION_PYTHON");

    /// <summary>PYTHONPATH under which the vicc library imports (Crypto shim + package folder).</summary>
    public static string ViccPythonPath => Require("STATION_VICC_PYTHONPATH");

    /// <summary>scripts/testbed/vicc.py, the vicc launcher with the Python 3 fixes.</summary>
    public static string ViccLauncher => Require("STATION_VICC");

    public static string SoftHsmConfig => Require("SOFTHSM2_CONF");

    public static string SoftHsmModule => Require("STATION_SOFTHSM_MODULE");

    /// <summary>host:port of the test bed's cupsd.</summary>
    public static string CupsServer => Require("STATION_CUPS_SERVER");

    public static string CupsQueue => Require("STATION_CUPS_QUEUE");

    /// <summary>Folder receiving each printed job as job-&lt;ns&gt;.prn, the latest also as card.prn.</summary>
    public static string CupsOutputDirectory => Require("STATION_CUPS_OUTPUT_DIR");

    /// <summary>Fails unless pcscd is running with its socket in place.</summary>
    public static void RequirePcscd()
    {
        if (!File.Exists(PcscdSocket))
        {
            throw new InvalidOperationException(
                $"pcscd is not running ({PcscdSocket} is missing): {HowToStart}.");
        }
    }

    /// <summary>The value of a test-bed variable, or an error naming it and how to set it.</summary>
    public static string Require(string name)
    {
        var value = Environment.GetEnvironmentVariable(name);
        if (string.IsNullOrEmpty(value))
        {
            throw new InvalidOperationException($"{name} is not set: {HowToStart}.");
        }

        return value;
    }
}
