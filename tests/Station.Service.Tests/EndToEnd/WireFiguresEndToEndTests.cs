using Station.Service.Center;
using Station.Service.Tests.Center.Fixtures;
using Xunit.Abstractions;
using RepositoryPaths = Station.Service.Tests.Testbed.RepositoryPaths;

namespace Station.Service.Tests.EndToEnd;

/// <summary>
/// Bytes on the wire per issued card, measured on the real <c>station run</c> binary and pipeline: a relay between
/// station and broker counts the MQTT bytes both ways (PUBLISH + PUBACK, before TCP/IP and TLS). Cards are
/// submitted through the control socket, so no command traffic crosses the relay. The figures are printed;
/// only sanity ranges are asserted (sizes move with the applicant data and the clock).
/// </summary>
public sealed class WireFiguresEndToEndTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(400); // the PUBACKs of what was just seen
    private const string Station = "S7";
    private const int TelemetrySeconds = 4;
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

        var beforeSample = wire.BytesRelayed;
        var sampleCount = Count(center.Messages, "telemetry");
        var seen = await center.WaitForAsync(m => Count(m, "telemetry") > sampleCount, Patience, "one more sample");
        await Task.Delay(Settle);
        var sampleBytes = wire.BytesRelayed - beforeSample;

        var perCard = (long)cards.Average();
        var perDay = sampleBytes * (86_400 / new CenterOptions().TelemetryIntervalSeconds);
        output.WriteLine($"one issued card (7 events): {string.Join(", ", cards)} bytes; mean {perCard}, {perCard / 7} per event");
        output.WriteLine($"one telemetry sample: {sampleBytes} bytes (may include one PINGREQ/PINGRESP, 4 bytes): {seen.Last(m => m.Topic.EndsWith("/telemetry", StringComparison.Ordinal)).Payload}");
        output.WriteLine($"telemetry per day at the default 300 s: {perDay} bytes ({perDay / 1024.0:F1} KiB)");
        foreach (var cardsPerDay in new[] { 100, 200, 400, 800 })
            output.WriteLine($"per card at {cardsPerDay} cards/day: {perCard + perDay / cardsPerDay} bytes (events + telemetry share)");

        Assert.All(cards, bytes => Assert.InRange(bytes, 7 * 100, 7 * 250));
        Assert.InRange(sampleBytes, 200, 800);
    }

    public void Dispose() => _broker.Dispose();
}
