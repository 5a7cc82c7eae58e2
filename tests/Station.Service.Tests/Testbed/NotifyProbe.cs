using System.Globalization;

namespace Station.Service.Tests.Testbed;

/// <summary>What <see cref="NotifyProbe"/> saw of a service's sd_notify messages.</summary>
/// <param name="ExitCode">notify-listener.py's exit code: 0 when READY=1 came (and, with a stop, a clean exit).</param>
/// <param name="Figures">Its key=value lines: ready_ms, rss_at_ready_kb, watchdog_count, stop_ms, stopping_seen, error.</param>
/// <param name="Log">The service's own output (stderr of the listener), for assertion messages.</param>
public sealed record NotifyMeasurement(int ExitCode, IReadOnlyDictionary<string, string> Figures, string Log)
{
    /// <summary>Milliseconds from spawn to READY=1, or null when it never came.</summary>
    public double? ReadyMilliseconds => Number("ready_ms");

    /// <summary>WATCHDOG=1 messages during the watch window.</summary>
    public int WatchdogCount => (int)(Number("watchdog_count") ?? 0);

    public bool StoppingSeen => Figures.TryGetValue("stopping_seen", out var value) && value == "true";

    private double? Number(string key) =>
        Figures.TryGetValue(key, out var value) ? double.Parse(value, CultureInfo.InvariantCulture) : null;
}

/// <summary>
/// Runs a service under scripts/bench/notify-listener.py, which plays systemd for
/// Type=notify: NOTIFY_SOCKET, and a parent named "systemd" (Microsoft.Extensions.Hosting.Systemd
/// checks /proc/&lt;ppid&gt;/comm before it sends anything).
/// </summary>
public static class NotifyProbe
{
    /// <param name="command">The service and its arguments, e.g. the built station with "run".</param>
    /// <param name="readyTimeout">How long to wait for READY=1.</param>
    /// <param name="watch">After READY, how long to count WATCHDOG=1 messages (zero: not at all).</param>
    /// <param name="stop">Send SIGTERM after READY (and the watch) and time the shutdown.</param>
    public static async Task<NotifyMeasurement> Measure(IReadOnlyList<string> command, TimeSpan readyTimeout, TimeSpan watch, bool stop)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.Count == 0)
        {
            throw new ArgumentException("no command to run", nameof(command));
        }

        List<string> arguments =
        [
            RepositoryPaths.Combine("scripts", "bench", "notify-listener.py"),
            "--timeout", readyTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture),
            "--watch", watch.TotalSeconds.ToString(CultureInfo.InvariantCulture),
        ];
        if (stop)
        {
            arguments.Add("--stop");
        }

        arguments.Add("--");
        arguments.AddRange(command);
        var limit = readyTimeout + watch + (stop ? readyTimeout : TimeSpan.Zero) + TimeSpan.FromSeconds(10);
        var result = await ToolRun.Run(ToolLocator.Require("python3"), arguments, limit).ConfigureAwait(false);
        var figures = result.StandardOutput
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);
        return new NotifyMeasurement(result.ExitCode, figures, result.StandardError);
    }
}
