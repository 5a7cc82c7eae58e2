using System.Net.Sockets;
using System.Text;
using Station.Service.Tests.TestSupport;
using Station.Service.Hosting;
using Station.Service.Pipeline;

namespace Station.Service.Tests.Hosting;

public sealed class WatchdogServiceTests : IDisposable
{
    private readonly string _socketPath = Path.Combine(Path.GetTempPath(), $"notify-{Guid.NewGuid():N}.sock");
    private readonly Socket _systemd = new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);

    public WatchdogServiceTests() => _systemd.Bind(new UnixDomainSocketEndPoint(_socketPath));

    [Fact]
    public void PingsOnlyWhileThePipelineBeats()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero));
        var health = new PipelineHealth(clock);
        var watchdog = new WatchdogService(health, new SdNotifier(_socketPath), TimeSpan.FromSeconds(5));

        Assert.False(watchdog.Tick()); // no beat yet
        health.Beat();
        Assert.True(watchdog.Tick());
        Assert.Equal("WATCHDOG=1", Receive());

        clock.Advance(PipelineHealth.MaxSilence + TimeSpan.FromSeconds(1));
        Assert.False(watchdog.Tick()); // the loop is stuck
        health.Beat();
        health.ReportError("LiteDB failed");
        Assert.False(watchdog.Tick()); // the loop fails
        Assert.Equal(0, _systemd.Available);
    }

    [Fact]
    public void IntervalIsHalfOfWatchdogUsec()
    {
        Environment.SetEnvironmentVariable("WATCHDOG_USEC", "30000000");
        try
        {
            Assert.Equal(TimeSpan.FromSeconds(15), WatchdogService.IntervalFromEnvironment());
        }
        finally
        {
            Environment.SetEnvironmentVariable("WATCHDOG_USEC", null);
        }

        Assert.Null(WatchdogService.IntervalFromEnvironment());
    }

    [Fact]
    public void WithoutNotifySocketNothingIsSent()
    {
        var notifier = new SdNotifier(null);
        Assert.False(notifier.Enabled);
        notifier.Notify("WATCHDOG=1");
    }

    private string Receive()
    {
        var buffer = new byte[64];
        _systemd.ReceiveTimeout = 5000;
        return Encoding.ASCII.GetString(buffer, 0, _systemd.Receive(buffer));
    }

    public void Dispose()
    {
        _systemd.Dispose();
        File.Delete(_socketPath);
    }
}
