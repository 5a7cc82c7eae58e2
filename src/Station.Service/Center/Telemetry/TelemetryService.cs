using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Station.Service.Center.Outbox;
using Station.Service.Center.Session;

namespace Station.Service.Center.Telemetry;

/// <summary>
/// Every <see cref="CenterOptions.TelemetryIntervalSeconds"/> puts one telemetry sample into the outbox (whether or
/// not the broker is reachable), as <see cref="TelemetryReporter"/> reports it (what changed, or full), then thins
/// old telemetry if the outbox is over budget; after thinning the next sample is full.
/// </summary>
public sealed partial class TelemetryService(
    ITelemetrySource source,
    OutboxStore outbox,
    TelemetryThinner thinner,
    TelemetryReporter reporter,
    LinkStateStore state,
    IOptions<CenterOptions> options,
    TimeProvider time,
    ILogger<TelemetryService> logger,
    ILocationProvider? location = null) : BackgroundService
{
    private readonly long _started = time.GetTimestamp();

    // The timer and a rebirth command both sample: reading, reporting and storing happen as one step, so samples
    // reach the outbox in the order the reporter chose what each carries (a change-only sample stored after a later
    // full one would overwrite the center's newer readings).
    private readonly Lock _sampling = new();

    /// <summary>Takes a full sample now (after a <c>rebirth</c>); returns the outbox id.</summary>
    public long SampleFullNow()
    {
        lock (_sampling)
        {
            reporter.RequestFull();
            return Sample();
        }
    }

    /// <summary>Takes one sample now and stores it; returns the outbox id.</summary>
    public long SampleOnce()
    {
        lock (_sampling)
        {
            return Sample();
        }
    }

    private long Sample()
    {
        var now = time.GetUtcNow();
        var sample = TelemetrySample.Build(
            now,
            time.GetElapsedTime(_started),
            HostMetrics.Read(options.Value.DataDirectory),
            source.Capture(),
            outbox.Measure(),
            state.Get(LinkStateStore.TelemetryThinnedKey),
            location?.Current);
        var (payload, _) = reporter.Report(sample);
        var id = outbox.Append(OutboxStore.TelemetryKind, CenterTopics.TelemetryLevel, CenterJson.ToText(payload), now.UtcDateTime);
        if (thinner.ThinIfOverBudget() > 0)
        {
            reporter.RequestFull(); // the dropped samples may have carried changes the center now misses
        }
        return id;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.TelemetryIntervalSeconds), time);
        do
        {
            try
            {
                SampleOnce();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failing sensor or a full disk must not stop later samples.
                LogSampleFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Telemetry sample failed")]
    private partial void LogSampleFailed(Exception exception);
}
