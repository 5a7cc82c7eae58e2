using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Station.Service.Center;
using Station.Service.Center.Outbox;
using Station.Service.Center.Session;

namespace Station.Service.Tests.Center;

public sealed class TelemetryThinnerTests : IDisposable
{
    private static readonly DateTime T0 = new(2026, 11, 27, 0, 0, 0, DateTimeKind.Utc);
    private readonly LiteDatabase _database = new(new MemoryStream(), new BsonMapper());
    private readonly OutboxStore _outbox;
    private readonly LinkStateStore _state;

    public TelemetryThinnerTests()
    {
        _outbox = new OutboxStore(_database);
        _state = new LinkStateStore(_database);
    }

    private TelemetryThinner Thinner(int maxMessages, long maxBytes = long.MaxValue, int keepEvery = 2) =>
        new(_outbox, _state, Options.Create(new CenterOptions { StationId = "S", OutboxMaxMessages = maxMessages, OutboxMaxBytes = maxBytes, TelemetryThinningKeepEvery = keepEvery }),
            NullLogger<TelemetryThinner>.Instance);

    private void Fill(int telemetry, int events)
    {
        // Interleaved as in real life: a sample, then an event, ...
        for (var i = 0; i < Math.Max(telemetry, events); i++)
        {
            if (i < telemetry) _outbox.Append(OutboxStore.TelemetryKind, "telemetry", $$"""{"n":"t{{i}}"}""", T0.AddMinutes(i));
            if (i < events) _outbox.Append(OutboxStore.EventKind, "events", $$"""{"n":"e{{i}}"}""", T0.AddMinutes(i));
        }
    }

    private List<string> Remaining() => _outbox.ReadOldest(10_000).Select(m => m.Payload[6..^2]).ToList();

    [Fact]
    public void Within_budget_nothing_is_removed()
    {
        Fill(5, 5);
        Assert.Equal(0, Thinner(10).ThinIfOverBudget());
        Assert.Equal(10, _outbox.Measure().Count);
    }

    [Fact]
    public void Over_the_count_budget_every_second_sample_goes_oldest_first_and_events_stay()
    {
        Fill(telemetry: 10, events: 4);

        var removed = Thinner(maxMessages: 11).ThinIfOverBudget();

        Assert.Equal(3, removed);
        Assert.Equal(["t0", "e0", "e1", "t2", "e2", "e3", "t4", "t6", "t7", "t8", "t9"], Remaining());
        Assert.Equal(3, _state.Get(LinkStateStore.TelemetryThinnedKey));
    }

    [Fact]
    public void Change_only_samples_are_thinned_before_full_ones()
    {
        for (var i = 0; i < 8; i++)
        {
            var payload = i % 4 == 0 ? $$"""{"time":{{i}},"full":true,"n":"f{{i}}"}""" : $$"""{"time":{{i}},"n":"d{{i}}"}""";
            _outbox.Append(OutboxStore.TelemetryKind, "telemetry", payload, T0.AddMinutes(i));
        }

        Assert.Equal(3, Thinner(maxMessages: 5).ThinIfOverBudget());
        var left = _outbox.ReadOldest(100).Select(m => System.Text.Json.Nodes.JsonNode.Parse(m.Payload)!["n"]!.GetValue<string>()).ToList();
        Assert.Equal(["f0", "d1", "d3", "f4", "d6"], left); // of the changes d1, d2, d3, d5, d6, d7 every second went; both full ones stayed
    }

    [Fact]
    public void A_second_pass_thins_again_when_one_is_not_enough()
    {
        Fill(telemetry: 8, events: 0);

        var removed = Thinner(maxMessages: 2).ThinIfOverBudget();

        // First pass keeps t0 t2 t4 t6; second keeps every 2nd of those: t0 t4.
        Assert.Equal(6, removed);
        Assert.Equal(["t0", "t4"], Remaining());
    }

    [Fact]
    public void The_byte_budget_counts_too_and_keep_every_n_is_configurable()
    {
        Fill(telemetry: 9, events: 0); // 11 bytes each
        var removed = Thinner(maxMessages: 100, maxBytes: 11 * 6, keepEvery: 3).ThinIfOverBudget();
        Assert.Equal(3, removed);
        Assert.Equal(["t0", "t3", "t5", "t6", "t7", "t8"], Remaining());
    }

    [Fact]
    public void Events_alone_over_budget_are_never_dropped()
    {
        Fill(telemetry: 1, events: 20);
        Assert.Equal(0, Thinner(maxMessages: 5).ThinIfOverBudget());
        Assert.Equal(21, _outbox.Measure().Count);
    }

    [Fact]
    public void The_thinning_total_accumulates_across_runs()
    {
        Fill(telemetry: 4, events: 0);
        Thinner(3).ThinIfOverBudget();
        Fill(telemetry: 4, events: 0);
        Thinner(3).ThinIfOverBudget();
        Assert.Equal(_state.Get(LinkStateStore.TelemetryThinnedKey), 8 - _outbox.Measure().Count);
        Assert.Equal(3, _outbox.Measure().Count);
    }

    public void Dispose() => _database.Dispose();
}
