using System.Text.Json.Nodes;
using Station.Service.Center.Outbox;

namespace Station.Service.Center.Telemetry;

/// <summary>
/// Builds one complete telemetry sample (without <c>seq</c>, added when published); <see cref="TelemetryReporter"/>
/// decides what of it goes on the wire. Null readings are left out rather than sent as null, and sizes are in MiB,
/// to keep samples small.
/// </summary>
public static class TelemetrySample
{
    public static JsonObject Build(
        DateTimeOffset now,
        TimeSpan uptime,
        HostMetrics host,
        TelemetrySnapshot snapshot,
        OutboxBacklog backlog,
        long telemetryThinned,
        GeoFix? location)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(backlog);

        // kind → state, or "state:code" when there is a code: every device, in a few bytes each.
        var devices = new JsonObject();
        foreach (var d in snapshot.Devices) devices[d.Kind] = d.Code is null ? d.State : $"{d.State}:{d.Code}";
        var stock = new JsonObject();
        foreach (var (kind, count) in snapshot.Stock.OrderBy(s => s.Key, StringComparer.Ordinal)) stock[kind] = count;

        var sample = new JsonObject
        {
            ["time"] = WireTime.Format(now),
            ["uptimeS"] = (long)uptime.TotalSeconds,
            ["cpu"] = Compact(new JsonObject
            {
                ["tempC"] = Round(host.CpuTemperatureCelsius, 1),
                ["load1"] = Round(host.Load1, 2),
                ["load5"] = Round(host.Load5, 2),
                ["load15"] = Round(host.Load15, 2),
            }),
            ["mem"] = Compact(new JsonObject { ["totalMiB"] = Mebibytes(host.MemoryTotalBytes), ["availMiB"] = Mebibytes(host.MemoryAvailableBytes) }),
            ["diskFreeMiB"] = Mebibytes(host.DiskFreeBytes),
            ["devices"] = devices,
            ["stock"] = stock,
            ["queue"] = snapshot.QueueDepth,
            ["outbox"] = new JsonObject
            {
                ["count"] = backlog.Count,
                ["bytes"] = backlog.Bytes,
                ["oldestAgeS"] = (long)backlog.OldestAge(now.UtcDateTime).TotalSeconds,
                ["thinned"] = telemetryThinned,
            },
        };
        if (location is not null)
            sample["location"] = new JsonObject { ["lat"] = location.Latitude, ["lon"] = location.Longitude, ["fixTime"] = WireTime.Format(location.Time) };
        return Compact(sample);
    }

    private static long? Mebibytes(long? bytes) => bytes / (1024 * 1024);

    private static double? Round(double? value, int digits) => value is { } v ? Math.Round(v, digits, MidpointRounding.AwayFromZero) : null;

    private static JsonObject Compact(JsonObject json)
    {
        foreach (var key in json.Where(p => p.Value is null).Select(p => p.Key).ToList()) json.Remove(key);
        return json;
    }
}
