using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Station.Service.Center.Session;

namespace Station.Service.Center.Outbox;

/// <summary>
/// Keeps the outbox within its count and byte budget by thinning telemetry: walking the samples oldest first it
/// keeps every N-th and deletes the rest until the outbox fits, passing again (every N², ...) if one pass is not
/// enough. Samples that only carry changes go first; full samples only when that is not enough, so the center can
/// rebuild its picture from the kept full ones. Events are never touched: if events alone exceed the budget the outbox stays over it and a warning is
/// logged. The running total of dropped samples is persisted and reported in telemetry as <c>outbox.thinned</c>.
/// </summary>
public sealed partial class TelemetryThinner(OutboxStore store, LinkStateStore state, IOptions<CenterOptions> options, ILogger<TelemetryThinner> logger)
{
    private readonly CenterOptions _options = options.Value;

    /// <summary>Thins if over budget; returns how many telemetry samples were deleted now.</summary>
    public int ThinIfOverBudget()
    {
        var backlog = store.Measure();
        long count = backlog.Count, bytes = backlog.Bytes;
        if (Fits(count, bytes)) return 0;

        var removed = 0;
        foreach (var full in (bool[])[false, true])
        {
            removed += Thin(full, ref count, ref bytes);
        }

        if (removed > 0)
        {
            var total = state.Add(LinkStateStore.TelemetryThinnedKey, removed);
            LogThinned(removed, total);
        }
        if (!Fits(count, bytes))
            LogStillOver(count, bytes);
        return removed;
    }

    private int Thin(bool full, ref long count, ref long bytes)
    {
        var removed = 0;
        var keepEvery = _options.TelemetryThinningKeepEvery;
        while (!Fits(count, bytes))
        {
            var samples = store.TelemetryOldestFirst().Where(s => s.Full == full).ToList();
            var doomed = new List<long>();
            for (var i = 0; i < samples.Count && !Fits(count, bytes); i++)
            {
                if (i % keepEvery == 0) continue;
                doomed.Add(samples[i].Id);
                count--;
                bytes -= samples[i].Bytes;
            }
            if (doomed.Count == 0) break;
            removed += store.DeleteIds(doomed);
        }

        return removed;
    }

    private bool Fits(long count, long bytes) => count <= _options.OutboxMaxMessages && bytes <= _options.OutboxMaxBytes;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox over budget: thinned {Removed} telemetry samples ({Total} in all)")]
    private partial void LogThinned(int removed, long total);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox still over budget with {Count} messages, {Bytes} bytes: events are never dropped")]
    private partial void LogStillOver(long count, long bytes);
}
