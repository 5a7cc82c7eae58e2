using System.Globalization;
using Microsoft.Extensions.Hosting;
using Station.Service.Pipeline;

namespace Station.Service.Hosting;

/// <summary>
/// Feeds the systemd watchdog (<c>WATCHDOG=1</c> at half of <c>$WATCHDOG_USEC</c>) only while the pipeline loop is
/// healthy, so a stuck or failing pipeline gets the service restarted. Does nothing outside systemd.
/// </summary>
public sealed class WatchdogService(PipelineHealth health, SdNotifier notifier, TimeSpan? interval) : BackgroundService
{
    public WatchdogService(PipelineHealth health)
        : this(health, SdNotifier.FromEnvironment(), IntervalFromEnvironment())
    {
    }

    /// <summary>Half the watchdog timeout systemd asks for, or null when there is no watchdog.</summary>
    public static TimeSpan? IntervalFromEnvironment() =>
        long.TryParse(Environment.GetEnvironmentVariable("WATCHDOG_USEC"), NumberStyles.None, CultureInfo.InvariantCulture, out var usec) && usec > 0
            ? TimeSpan.FromMicroseconds(usec / 2.0)
            : null;

    /// <summary>Sends one ping when the pipeline is healthy; returns whether it did.</summary>
    public bool Tick()
    {
        if (!health.IsHealthy)
        {
            return false;
        }

        notifier.Notify("WATCHDOG=1");
        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (interval is not { } period || !notifier.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(period);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            Tick();
        }
    }
}
