namespace Station.Service.Tests.Testbed;

/// <summary>scripts/bench/notify-listener.py, which bench.sh uses to time READY=1.</summary>
public sealed class NotifyListenerTests
{
    // A stand-in service: refuses to run unless its parent looks like systemd (what
    // Microsoft.Extensions.Hosting.Systemd checks), then READY=1, WATCHDOG=1, STOPPING=1 on SIGTERM.
    private const string FakeService = """
        import os, signal, socket, sys, time
        if open(f"/proc/{os.getppid()}/comm").read().strip() != "systemd":
            sys.exit("parent is not named systemd")
        s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        s.connect(os.environ["NOTIFY_SOCKET"])
        signal.signal(signal.SIGTERM, lambda *_: (s.send(b"STOPPING=1"), sys.exit(0)))
        s.send(b"READY=1")
        while True:
            s.send(b"WATCHDOG=1")
            time.sleep(0.05)
        """;

    private static string Listener => RepositoryPaths.Combine("scripts", "bench", "notify-listener.py");

    [Fact]
    public async Task Reports_ready_watchdog_and_a_clean_stop_of_a_service_it_parents_as_systemd()
    {
        var python = ToolLocator.Require("python3");

        var result = await ToolRun.Run(python, Listener, "--timeout", "10", "--watch", "0.5", "--stop", "--", python, "-c", FakeService);

        Assert.True(result.ExitCode == 0, $"notify-listener exited {result.ExitCode}:\n{result.Output}");
        var figures = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1]);
        Assert.Equal(["ready_ms", "rss_at_ready_kb", "watchdog_count", "stop_ms", "stopping_seen"], figures.Keys);
        Assert.True(int.Parse(figures["watchdog_count"], System.Globalization.CultureInfo.InvariantCulture) > 0, result.Output);
        Assert.Equal("true", figures["stopping_seen"]);
    }

    [Fact]
    public async Task A_service_that_exits_before_ready_fails_the_measurement()
    {
        var result = await ToolRun.Run(ToolLocator.Require("python3"), Listener, "--timeout", "10", "--", "/bin/true");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error=exited with 0 before READY=1", result.StandardOutput.Trim());
    }
}
