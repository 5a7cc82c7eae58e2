using Microsoft.Extensions.Hosting.Systemd;

namespace Station.Service.Hosting;

/// <summary>
/// Where the station keeps its state: <c>--data-dir</c>, else <c>Station:DataDir</c>, else under systemd the unit's
/// state directory (<c>$STATE_DIRECTORY</c>, normally <c>/var/lib/station</c>), else <c>./.station</c>.
/// </summary>
public static class DataDirectory
{
    public const string SystemdDefault = "/var/lib/station";
    public const string InteractiveDefault = ".station";

    public static string Resolve(string? commandLine, string? configured)
    {
        if (!string.IsNullOrWhiteSpace(commandLine))
        {
            return Path.GetFullPath(commandLine);
        }

        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        if (UnderSystemd)
        {
            var state = Environment.GetEnvironmentVariable("STATE_DIRECTORY");
            return string.IsNullOrEmpty(state) ? SystemdDefault : state.Split(':')[0];
        }

        return Path.GetFullPath(InteractiveDefault);
    }

    public static bool UnderSystemd =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("INVOCATION_ID")) || SystemdHelpers.IsSystemdService();
}
