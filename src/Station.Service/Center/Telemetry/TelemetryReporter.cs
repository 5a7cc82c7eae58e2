using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Station.Service.Center.Telemetry;

/// <summary>
/// Report by exception, as Sparkplug B's data messages: a telemetry sample on the wire carries <c>time</c> and only
/// the readings that changed since they were last reported, beyond a small dead band for the noisy ones; the center
/// merges it into what it holds. A complete sample, marked <c>"full": true</c>, goes out first after start, every
/// <see cref="CenterOptions.TelemetryFullEverySamples"/> samples, after a <c>rebirth</c> command, after thinning
/// dropped samples, and when a reading disappeared, so the center's picture is never stale for long.
/// An idle station's sample is then ~40 bytes instead of ~380.
/// </summary>
public sealed class TelemetryReporter(IOptions<CenterOptions> options)
{
    /// <summary>Readings that must move this much before they are reported again (others: any change).</summary>
    public static readonly IReadOnlyDictionary<string, double> DeadBands = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["cpu.tempC"] = 2,
        ["cpu.load1"] = 0.25,
        ["cpu.load5"] = 0.1,
        ["cpu.load15"] = 0.1,
        ["mem.availMiB"] = 64,
        ["diskFreeMiB"] = 256,
        ["outbox.bytes"] = 16 * 1024,
        ["outbox.oldestAgeS"] = 600,
    };

    /// <summary>Reported in full samples only: the center derives it from <c>time</c> and the birth's <c>startedAt</c>.</summary>
    private const string Uptime = "uptimeS";

    /// <summary>Reported as one unit: a position whose latitude or longitude moved, with its fix time.</summary>
    private const string Location = "location";

    private const double LocationDeadBandDegrees = 0.0005; // ~50 m

    private readonly Lock _gate = new();
    private Dictionary<string, JsonNode?>? _reported;
    private int _sinceFull;
    private bool _fullRequested;

    /// <summary>Makes the next sample a full one (after a <c>rebirth</c>, or when thinning dropped samples).</summary>
    public void RequestFull()
    {
        lock (_gate) _fullRequested = true;
    }

    /// <summary>
    /// The payload to store for <paramref name="sample"/> (a complete one from <see cref="TelemetrySample.Build"/>),
    /// and whether it is full; the readings it carries become the new reference.
    /// </summary>
    public (JsonObject Payload, bool Full) Report(JsonObject sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var readings = Readings(sample);
        lock (_gate)
        {
            if (_reported is null || _fullRequested || _sinceFull + 1 >= options.Value.TelemetryFullEverySamples
                || _reported.Keys.Any(path => !readings.ContainsKey(path)))
            {
                _reported = readings;
                _sinceFull = 0;
                _fullRequested = false;
                return (Full(sample), true);
            }

            _sinceFull++;
            var delta = new JsonObject { ["time"] = sample["time"]?.DeepClone() };
            foreach (var (path, value) in readings)
            {
                if (path == Uptime || !Changed(path, _reported.GetValueOrDefault(path), value)) continue;
                _reported[path] = value;
                Place(delta, path, value);
            }

            return (delta, false);
        }
    }

    private static JsonObject Full(JsonObject sample)
    {
        var full = new JsonObject { ["time"] = sample["time"]?.DeepClone(), ["full"] = true };
        foreach (var (name, value) in sample)
        {
            if (name != "time") full[name] = value?.DeepClone();
        }

        return full;
    }

    /// <summary>Every reading by its dotted path (<c>cpu.load1</c>), in the sample's order; <c>location</c> stays whole.</summary>
    private static Dictionary<string, JsonNode?> Readings(JsonObject sample)
    {
        var readings = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (name, value) in sample)
        {
            if (name == "time") continue;
            if (value is JsonObject group && name != Location)
            {
                foreach (var (member, reading) in group) readings[$"{name}.{member}"] = reading;
            }
            else
            {
                readings[name] = value;
            }
        }

        return readings;
    }

    private static bool Changed(string path, JsonNode? before, JsonNode? now)
    {
        if (before is null || now is null) return before is not null || now is not null;
        if (path == Location)
        {
            return Math.Abs(Degrees(before, "lat") - Degrees(now, "lat")) >= LocationDeadBandDegrees
                || Math.Abs(Degrees(before, "lon") - Degrees(now, "lon")) >= LocationDeadBandDegrees;
        }

        if (DeadBands.TryGetValue(path, out var band) && Number(now) is { } x && Number(before) is { } y)
        {
            return Math.Abs(x - y) >= band;
        }

        return !JsonNode.DeepEquals(before, now);
    }

    /// <summary>The reading as a number, whether it was stored as an integer or a double.</summary>
    private static double? Number(JsonNode node) =>
        node.GetValueKind() == JsonValueKind.Number ? double.Parse(node.ToJsonString(), CultureInfo.InvariantCulture) : null;

    private static double Degrees(JsonNode position, string axis) => position[axis]?.GetValue<double>() ?? double.NaN;

    private static void Place(JsonObject delta, string path, JsonNode? value)
    {
        var dot = path.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            delta[path] = value?.DeepClone();
            return;
        }

        var group = path[..dot];
        if (delta[group] is not JsonObject members)
        {
            members = [];
            delta[group] = members;
        }

        members[path[(dot + 1)..]] = value?.DeepClone();
    }
}
