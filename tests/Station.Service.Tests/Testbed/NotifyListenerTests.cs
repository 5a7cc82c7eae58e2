namespace Station.Service.Tests.Testbed;

/// <summary>scripts/bench/notify-listener.py and its C# wrapper <see cref="NotifyProbe"/>.</summary>
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

    private static string Python => ToolLocator.Require("python3");

    [Fact]
    public async Task Reports_ready_watchdog_and_a_clean_stop_of_a_service_it_parents_as_systemd()
    {
        var measurement = await NotifyProbe.Measure([Python, "-c", FakeService], TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(0.5), stop: true);

        Assert.True(measurement.ExitCode == 0, $"notify-listener exited {measurement.ExitCode}: {string.Join(", ", measurement.Figures)}\n{measurement.Log}");
        Assert.Equal(["ready_ms", "rss_at_ready_kb", "watchdog_count", "stop_ms", "stopping_seen"], measurement.Figures.Keys);
        Assert.NotNull(measurement.ReadyMilliseconds);
        Assert.True(measurement.WatchdogCount > 0, string.Join(", ", measurement.Figures));
        Assert.True(measurement.StoppingSeen);
    }

    [Fact]
    public async Task A_service_that_exits_before_ready_fails_the_measurement()
    {
        var measurement = await NotifyProbe.Measure(["/bin/true"], TimeSpan.FromSeconds(10), TimeSpan.Zero, stop: false);

        Assert.Equal(1, measurement.ExitCode);
        Assert.Null(measurement.ReadyMilliseconds);
        Assert.Equal("exited with 0 before READY=1", measurement.Figures["error"]);
    }
}
