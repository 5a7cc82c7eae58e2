using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Station.Service.Center;
using Station.Service.Center.Telemetry;

namespace Station.Service.Tests.Center;

public sealed class TelemetryReporterTests
{
    private static TelemetryReporter Reporter(int fullEvery = 36) =>
        new(Options.Create(new CenterOptions { StationId = "S", TelemetryFullEverySamples = fullEvery }));

    private static JsonObject Sample(long time, double load1 = 0.5, int blank = 120, int issued = 3, long availMiB = 1430, string printer = "ok", bool withTemperature = true)
    {
        var cpu = new JsonObject { ["load1"] = load1, ["load5"] = 0.25 };
        if (withTemperature) cpu.Insert(0, "tempC", 51.3);
        return new JsonObject
        {
            ["time"] = time,
            ["uptimeS"] = time / 1000,
            ["cpu"] = cpu,
            ["mem"] = new JsonObject { ["totalMiB"] = 3814, ["availMiB"] = availMiB },
            ["devices"] = new JsonObject { ["printer"] = printer, ["camera"] = "ok" },
            ["stock"] = new JsonObject { ["blank"] = blank, ["issued"] = issued },
            ["queue"] = 0,
            ["location"] = new JsonObject { ["lat"] = 21.0285, ["lon"] = 105.8542, ["fixTime"] = time - 3000 },
        };
    }

    private static string Wire(TelemetryReporter reporter, JsonObject sample) => reporter.Report(sample).Payload.ToJsonString();

    [Fact]
    public void The_first_sample_is_full_and_an_unchanged_one_is_only_its_time()
    {
        var reporter = Reporter();

        var (first, full) = reporter.Report(Sample(1000));
        Assert.True(full);
        Assert.Equal(Sample(1000).Select(p => p.Key).Prepend("full").Prepend("time").Distinct(), first.Select(p => p.Key));
        Assert.True(first["full"]!.GetValue<bool>());

        Assert.Equal("""{"time":2000}""", Wire(reporter, Sample(2000)));
    }

    [Fact]
    public void Only_readings_that_changed_are_sent_and_noisy_ones_only_beyond_their_dead_band()
    {
        var reporter = Reporter();
        reporter.Report(Sample(1000));

        // A card issued, the printer warns, the load moved a little, memory a little: only the first two go.
        Assert.Equal("""{"time":2000,"devices":{"printer":"warning:RibbonLow"},"stock":{"blank":119,"issued":4}}""",
            Wire(reporter, Sample(2000, load1: 0.6, blank: 119, issued: 4, availMiB: 1400, printer: "warning:RibbonLow")));
        // The dead band is measured from the value last reported (0.5), not the last seen (0.6).
        Assert.Equal("""{"time":3000,"cpu":{"load1":0.8},"mem":{"availMiB":1360}}""",
            Wire(reporter, Sample(3000, load1: 0.8, blank: 119, issued: 4, availMiB: 1360, printer: "warning:RibbonLow")));
    }

    [Fact]
    public void A_position_is_sent_whole_when_it_moved_about_fifty_metres()
    {
        var reporter = Reporter();
        reporter.Report(Sample(1000));
        var nearby = Sample(2000);
        nearby["location"]!["lat"] = 21.0287; // ~20 m
        Assert.Equal("""{"time":2000}""", Wire(reporter, nearby));

        var moved = Sample(3000);
        moved["location"]!["lat"] = 21.0295; // ~110 m
        Assert.Equal("""{"time":3000,"location":{"lat":21.0295,"lon":105.8542,"fixTime":0}}""", Wire(reporter, moved));
    }

    [Fact]
    public void Every_nth_sample_a_requested_one_and_one_after_a_reading_disappeared_are_full()
    {
        var reporter = Reporter(fullEvery: 3);
        Assert.Equal([true, false, false, true, false, false, true],
            Enumerable.Range(1, 7).Select(i => reporter.Report(Sample(i * 1000)).Full));

        reporter.RequestFull();
        Assert.True(reporter.Report(Sample(8000)).Full);
        Assert.False(reporter.Report(Sample(9000)).Full);

        // The temperature sensor is gone: a change-only sample could not say so, a full one can.
        var (payload, full) = reporter.Report(Sample(10_000, withTemperature: false));
        Assert.True(full);
        Assert.Null(payload["cpu"]!["tempC"]);
    }

    [Fact]
    public void With_full_every_sample_the_wire_carries_every_reading_each_time()
    {
        var reporter = Reporter(fullEvery: 1);
        Assert.All(Enumerable.Range(1, 3), i => Assert.True(reporter.Report(Sample(i * 1000)).Full));
    }
}
