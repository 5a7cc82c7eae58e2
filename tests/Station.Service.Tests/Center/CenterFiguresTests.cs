using System.Diagnostics;
using System.Text;
using Station.Service.Tests.Center.Fixtures;
using Xunit.Abstractions;

namespace Station.Service.Tests.Center;

/// <summary>
/// Records the figures issue 5 asks for (bytes on the wire, telemetry per day, drain rate) in the test output.
/// Only correctness is asserted: timing depends on the machine, so the rate is printed, not checked.
/// </summary>
public sealed class CenterFiguresTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private const string Station = "HN-042";
    private readonly MosquittoBroker _broker = MosquittoBroker.StartPlain();
    private readonly string _database = Path.Combine(MosquittoBroker.TempDirectory(), "station.db");

    /// <summary>Size of an MQTT 5 QoS 1 PUBLISH without properties, plus the 4-byte PUBACK that answers it.</summary>
    private static int WireBytes(ObservedMessage m)
    {
        var payload = Encoding.UTF8.GetByteCount(m.Payload);
        var remaining = 2 + Encoding.UTF8.GetByteCount(m.Topic) + 2 + 1 + payload;
        var lengthBytes = remaining < 128 ? 1 : remaining < 16_384 ? 2 : 3;
        return 1 + lengthBytes + remaining + 4;
    }

    [Fact]
    public async Task Bytes_per_issued_card_and_telemetry_per_day()
    {
        await using var center = await CenterObserver.StartAsync(_broker.Port, $"station/{Station}/#");
        await using var station = await StationHarness.StartAsync(_database, StationHarness.Settings(Station, StationHarness.PlainBroker(_broker.Port)));
        await station.WaitConnectedAsync(Patience);
        FakeStationControl.RunJob(station.Outbox, "01JDQ8ZJ6N5V8W3X2Y1Z0A9B8C");
        var seen = await center.WaitForAsync(m => m.Count(x => x.Topic.EndsWith("/events", StringComparison.Ordinal)) == 7 && m.Any(x => x.Topic.EndsWith("/telemetry", StringComparison.Ordinal)),
            Patience, "one job's events and a telemetry sample");

        var events = seen.Where(m => m.Topic.EndsWith("/events", StringComparison.Ordinal)).ToList();
        var telemetry = seen.First(m => m.Topic.EndsWith("/telemetry", StringComparison.Ordinal));
        var birth = seen.First(m => m.Topic.EndsWith("/state", StringComparison.Ordinal));
        var eventBytes = events.Sum(WireBytes);
        var samplesPerDay = 86_400 / new Station.Service.Center.CenterOptions().TelemetryIntervalSeconds;
        var telemetryPerDay = (long)WireBytes(telemetry) * samplesPerDay;

        output.WriteLine($"event: {events.Min(WireBytes)}-{events.Max(WireBytes)} bytes on the wire (PUBLISH + PUBACK, before TCP/TLS), e.g. {events[1].Payload}");
        output.WriteLine($"one issued card = 7 events = {eventBytes} bytes");
        output.WriteLine($"telemetry sample: {WireBytes(telemetry)} bytes: {telemetry.Payload}");
        output.WriteLine($"telemetry per day at the default {86_400 / samplesPerDay} s interval: {samplesPerDay} samples, {telemetryPerDay / 1024.0:F1} KiB");
        foreach (var cardsPerDay in new[] { 50, 100, 200 })
            output.WriteLine($"per card at {cardsPerDay} cards/day: {eventBytes + telemetryPerDay / cardsPerDay} bytes (events + telemetry share)");
        output.WriteLine($"birth: {WireBytes(birth)} bytes");

        Assert.Equal(7, events.Count);
        Assert.True(eventBytes < 1024, $"one card's events take {eventBytes} bytes");
    }

    [Fact]
    public async Task Drain_rate_of_a_ten_thousand_message_backlog()
    {
        const int backlog = 10_000;
        await using var center = await CenterObserver.StartAsync(_broker.Port, $"station/{Station}/events");
        var settings = StationHarness.Settings(Station, null);
        await using (var offline = await StationHarness.StartAsync(_database, settings))
        {
            for (var job = 0; job < backlog / 10; job++)
                for (var e = 0; e < 10; e++)
                    FakeStationControl.Emit(offline.Outbox, "JobStateChanged", new System.Text.Json.Nodes.JsonObject { ["jobId"] = $"job-{job}", ["state"] = "Encoding" });
        }

        settings["Center:Broker"] = StationHarness.PlainBroker(_broker.Port);
        var clock = Stopwatch.StartNew();
        await using var station = await StationHarness.StartAsync(_database, settings);
        await station.WaitConnectedAsync(Patience);
        var connected = clock.Elapsed;
        await station.WaitOutboxEmptyAsync(Patience);
        var drained = clock.Elapsed - connected;
        await center.WaitForAsync(m => m.Count >= backlog, Patience, "the whole backlog");

        output.WriteLine($"drained {backlog} messages in {drained.TotalSeconds:F2} s: {backlog / drained.TotalSeconds:F0} messages/s (connect took {connected.TotalMilliseconds:F0} ms)");
        Assert.Equal(backlog, center.Messages.Select(m => m.Json["eventId"]!.GetValue<string>()).Distinct().Count());
    }

    public void Dispose() => _broker.Dispose();
}
