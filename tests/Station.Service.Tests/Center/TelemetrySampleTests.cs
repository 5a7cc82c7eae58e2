using Station.Devices;
using Station.Service.Center.Outbox;
using Station.Service.Center.Telemetry;
using Station.Service.Events;

namespace Station.Service.Tests.Center;

public sealed class TelemetrySampleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_sample_carries_host_station_and_outbox_figures_without_nulls()
    {
        var sample = TelemetrySample.Build(
            Now,
            TimeSpan.FromSeconds(3725.9),
            new HostMetrics(51.25, 0.5, 0.25, 0.125, 4_000_000_000, 1_500_000_000, null),
            new TelemetrySnapshot([new DeviceStatus("printer", "warning", "RibbonLow"), new DeviceStatus("reader", "ok")],
                new Dictionary<string, int> { ["spoiled"] = 2, ["blank"] = 120 }, 3),
            new OutboxBacklog(12, 3400, Now.UtcDateTime.AddSeconds(-90)),
            telemetryThinned: 5,
            new GeoFix(21.0285, 105.8542, Now.AddSeconds(-3)));

        Assert.Equal(
            """{"time":1795780800000,"uptimeS":3725,"cpu":{"tempC":51.3,"load1":0.5,"load5":0.25,"load15":0.13},"mem":{"totalMiB":3814,"availMiB":1430},"devices":{"printer":"warning:RibbonLow","reader":"ok"},"stock":{"blank":120,"spoiled":2},"queue":3,"outbox":{"count":12,"bytes":3400,"oldestAgeS":90,"thinned":5},"location":{"lat":21.0285,"lon":105.8542,"fixTime":1795780797000}}""",
            sample.ToJsonString());
    }

    [Fact]
    public void Host_metrics_are_read_from_proc_and_sys_and_missing_files_give_nulls()
    {
        var root = Path.Combine(Path.GetTempPath(), "station-metrics-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "proc"));
            Directory.CreateDirectory(Path.Combine(root, "sys/class/thermal/thermal_zone0"));
            Directory.CreateDirectory(Path.Combine(root, "sys/class/thermal/thermal_zone1"));
            File.WriteAllText(Path.Combine(root, "proc/loadavg"), "0.42 0.31 0.20 1/234 5678\n");
            File.WriteAllText(Path.Combine(root, "proc/meminfo"), "MemTotal:        3884132 kB\nMemFree:          123456 kB\nMemAvailable:    2000000 kB\n");
            File.WriteAllText(Path.Combine(root, "sys/class/thermal/thermal_zone0/temp"), "48500\n");
            File.WriteAllText(Path.Combine(root, "sys/class/thermal/thermal_zone1/temp"), "61000\n");

            var metrics = HostMetrics.Read(root, Path.Combine(root, "proc"), Path.Combine(root, "sys"));

            Assert.Equal(61.0, metrics.CpuTemperatureCelsius);
            Assert.Equal((0.42, 0.31, 0.20), (metrics.Load1, metrics.Load5, metrics.Load15));
            Assert.Equal(3884132L * 1024, metrics.MemoryTotalBytes);
            Assert.Equal(2000000L * 1024, metrics.MemoryAvailableBytes);
            Assert.True(metrics.DiskFreeBytes > 0);

            var empty = HostMetrics.Read(root, Path.Combine(root, "none"), Path.Combine(root, "none"));
            Assert.Equal(new HostMetrics(null, null, null, null, null, null, metrics.DiskFreeBytes is null ? null : empty.DiskFreeBytes), empty);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void An_event_is_stored_flat_as_eventId_type_time_and_its_own_fields()
    {
        var payload = OutboxEvents.ToPayload(new StationEvent("e-1", "CardSpoiled", Now.ToOffset(TimeSpan.FromHours(7)),
            new System.Text.Json.Nodes.JsonObject { ["serial"] = "VN01", ["reason"] = "ChipWriteFailed" }));
        Assert.Equal("""{"eventId":"e-1","type":"CardSpoiled","time":1795780800000,"serial":"VN01","reason":"ChipWriteFailed"}""", payload);
    }

    [Theory]
    [InlineData("seq")]
    [InlineData("time")]
    [InlineData("historical")]
    public void An_event_field_that_would_overwrite_the_envelope_is_refused(string field)
    {
        var error = Assert.Throws<ArgumentException>(() => OutboxEvents.ToPayload(new StationEvent("e-1", "Alarm", Now,
            new System.Text.Json.Nodes.JsonObject { [field] = 1 })));
        Assert.Contains($"'{field}'", error.Message, StringComparison.Ordinal);
    }
}
