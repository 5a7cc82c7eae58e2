using System.Text;
using Station.Service.Center;
using Station.Service.Tests.Center.Fixtures;
using Xunit.Abstractions;
using RepositoryPaths = Station.Service.Tests.Testbed.RepositoryPaths;

namespace Station.Service.Tests.EndToEnd;

/// <summary>
/// Bytes on the wire per issued card, measured on the real <c>station run</c> binary and pipeline: a relay between
/// station and broker counts the MQTT bytes both ways (PUBLISH + PUBACK, before TCP/IP and TLS). Cards are
/// submitted through the control socket, so no command traffic crosses the relay. The figures are printed;
/// besides sanity ranges (sizes move with the applicant data and the clock), the 1 KB per card target is asserted
/// for a working day of 200 cards (telemetry per day from measured full, after-a-card and idle samples).
/// </summary>
public sealed class WireFiguresEndToEndTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(400); // the PUBACKs of what was just seen
    private const string Station = "S7";
    private const int TelemetrySeconds = 4;
    private const int CardEvents = 5; // JobAccepted, JobStateChanged × 3 (the default Events:ReportedJobStates), JobCompleted
    private readonly MosquittoBroker _broker = MosquittoBroker.StartPlain();

    private static int Count(IEnumerable<ObservedMessage> seen, string level, string? type = null) =>
        seen.Count(m => m.Topic == $"station/{Station}/{level}" && (type is null || m.Payload.Contains($"\"type\":\"{type}\"", StringComparison.Ordinal)));

    [Fact]
    public async Task Bytes_per_issued_card_and_per_telemetry_sample_of_the_real_station()
    {
        using var wire = new BlackholeProxy(_broker.Port);
        await using var center = await CenterObserver.StartAsync(_broker.Port, $"station/{Station}/#");
        await using var station = StationRunProcess.Start(Station, StationRunProcess.PlainBroker(wire.Port), TelemetrySeconds);
        await station.WaitReadyAsync(Patience);
        var samples = Directory.GetFiles(RepositoryPaths.Combine("samples", "applicants"), "vnm-*.json").Order(StringComparer.Ordinal).ToList();

        // The first card teaches the broker the topic aliases; later cards are what each card costs.
        await station.SubmitAsync(samples[0]);
        var first = await center.WaitForAsync(m => Count(m, "events", "JobCompleted") + Count(m, "events", "JobFailed") == 1, Patience, "the first card");
        Assert.Equal(1, Count(first, "events", "JobCompleted"));

        var cards = new List<long>();
        for (var card = 1; card <= 3; card++)
        {
            // Start right after a telemetry sample, so the next one (4 s later) falls outside the card's window.
            var telemetryBefore = Count(center.Messages, "telemetry");
            await center.WaitForAsync(m => Count(m, "telemetry") > telemetryBefore, Patience, "a telemetry sample");
            await Task.Delay(Settle);
            var before = wire.BytesRelayed;
            var telemetryAtStart = Count(center.Messages, "telemetry");
            await station.SubmitAsync(samples[card]);
            var ended = await center.WaitForAsync(m => Count(m, "events", "JobCompleted") + Count(m, "events", "JobFailed") == card + 1, Patience, $"card {card + 1}");
            Assert.True(Count(ended, "events", "JobFailed") == 0, "a card failed: " + string.Join(" | ", ended.Where(m => m.Payload.Contains("JobFailed", StringComparison.Ordinal)).Select(m => m.Payload)));
            await Task.Delay(Settle);
            var bytes = wire.BytesRelayed - before;
            Assert.Equal(telemetryAtStart, Count(center.Messages, "telemetry")); // the window held the card's events only
            cards.Add(bytes);
        }

        // Telemetry is reported by exception: the first sample after start is full, later ones carry what changed
        // (the one after a card: the stock). Wait for one more sample after the cards: an idle one.
        var afterCards = Count(center.Messages, "telemetry");
        await center.WaitForAsync(m => Count(m, "telemetry") >= afterCards + 2, Patience, "an idle sample");
        var telemetry = center.Messages.Where(m => m.Topic == $"station/{Station}/telemetry").Select(m => m.Payload).ToList();
        var full = telemetry[0];
        Assert.Contains("\"full\":true", full, StringComparison.Ordinal);
        var busy = telemetry.Skip(1).First(p => p.Contains("\"stock\"", StringComparison.Ordinal));
        var idle = telemetry[^1];
        Assert.DoesNotContain("\"full\"", busy + idle, StringComparison.Ordinal);

        // A message costs its payload plus MQTT framing (PUBLISH header, alias, packet id, PUBACK), measured on the events.
        var perCard = (long)cards.Average();
        var cardEvents = center.Messages.Where(m => m.Topic == $"station/{Station}/events").TakeLast(CardEvents).ToList();
        var framing = (perCard - cardEvents.Sum(m => (long)Encoding.UTF8.GetByteCount(m.Payload))) / CardEvents;
        long Wire(string payload) => Encoding.UTF8.GetByteCount(payload) + framing;

        // A day at the default 300 s: 288 samples, every 36th full (8); a 10-hour working day has a card in each of its
        // 120 intervals (busy), the other 160 see no change but the clock (idle).
        var options = new CenterOptions();
        var perDaySamples = 86_400 / options.TelemetryIntervalSeconds;
        var fullPerDay = perDaySamples / options.TelemetryFullEverySamples;
        const int BusyPerDay = 120;
        var perDay = fullPerDay * Wire(full) + BusyPerDay * Wire(busy) + (perDaySamples - fullPerDay - BusyPerDay) * Wire(idle);

        output.WriteLine($"one issued card ({CardEvents} events): {string.Join(", ", cards)} bytes; mean {perCard}, {perCard / CardEvents} per event, {framing} of them MQTT framing");
        output.WriteLine($"telemetry: full sample {Wire(full)} bytes: {full}");
        output.WriteLine($"telemetry: after a card {Wire(busy)} bytes: {busy}");
        output.WriteLine($"telemetry: idle {Wire(idle)} bytes: {idle}");
        output.WriteLine($"telemetry per day at the default 300 s ({fullPerDay} full, {BusyPerDay} after cards, {perDaySamples - fullPerDay - BusyPerDay} idle): {perDay} bytes ({perDay / 1024.0:F1} KiB)");
        foreach (var message in cardEvents)
            output.WriteLine($"event ({message.Payload.Length} bytes): {message.Payload}");
        foreach (var cardsPerDay in new[] { 100, 200, 400, 800 })
            output.WriteLine($"per card at {cardsPerDay} cards/day: {perCard + perDay / cardsPerDay} bytes (events + telemetry share)");

        Assert.All(cards, bytes => Assert.InRange(bytes, CardEvents * 100, CardEvents * 200));
        Assert.InRange(Wire(full), 250, 600);
        Assert.InRange(Wire(idle), 30, 150);
        // The issue's target, at a station's working day of 200 cards: events plus the telemetry share within 1 KB.
        Assert.True(perCard + perDay / 200 <= 1024, $"{perCard} + {perDay / 200} bytes per card at 200 cards a day is over 1 KB");
    }

    public void Dispose() => _broker.Dispose();
}
