using System.Text.Json.Nodes;
using Station.Service.Center.Outbox;
using Station.Service.Tests.Center.Fixtures;
using Xunit.Abstractions;

namespace Station.Service.Tests.Center;

/// <summary>Store-and-forward against a real mosquitto: order, seq, outages of the broker and of the station.</summary>
public sealed class EventDeliveryTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private const string Station = "HN-002";
    private readonly MosquittoBroker _broker = MosquittoBroker.StartPlain();
    private readonly string _database = Path.Combine(MosquittoBroker.TempDirectory(), "station.db");

    private Task<StationHarness> StartStationAsync() =>
        StationHarness.StartAsync(_database, StationHarness.Settings(Station, StationHarness.PlainBroker(_broker.Port)), new XunitLoggerProvider(output));

    private static List<JsonObject> Events(IEnumerable<ObservedMessage> messages) =>
        messages.Where(m => m.Topic == $"station/{Station}/events").Select(m => m.Json).ToList();

    private static void AppendEvents(OutboxStore outbox, int count, List<string> ids)
    {
        for (var i = 0; i < count; i++)
        {
            var id = $"ev-{ids.Count:D6}";
            ids.Add(id);
            OutboxEvents.Append(outbox, new Events.StationEvent(id, "JobStateChanged", DateTimeOffset.UtcNow, new JsonObject { ["jobId"] = "job-" + (ids.Count / 7), ["state"] = "Encoding" }));
        }
    }

    [Fact]
    public async Task Jobs_assigned_over_MQTT_emit_their_lifecycle_events_in_order_with_gapless_seq()
    {
        await using var center = await CenterObserver.StartAsync(_broker.Port, $"station/{Station}/#");
        await using var station = await StartStationAsync();
        await station.WaitConnectedAsync(Patience);

        for (var i = 0; i < 3; i++)
            await center.PublishAsync($"station/{Station}/cmd/assign-job", $$$"""{"commandId":"a-{{{i}}}","applicant":{"idNumber":"00109001234{{{i}}}"}}""");

        var seen = await center.WaitForAsync(m => Events(m).Count >= 21 && m.Count(x => x.Topic.EndsWith("/cmd-result", StringComparison.Ordinal)) == 3, Patience, "3 results and 21 events");

        var events = Events(seen);
        Assert.Equal(21, events.Count);
        for (var job = 0; job < 3; job++)
        {
            var ofJob = events.Where(e => e["jobId"]!.GetValue<string>() == $"job-{job + 1}").ToList();
            Assert.Equal(["JobAccepted", "JobStateChanged", "JobStateChanged", "JobStateChanged", "JobStateChanged", "JobStateChanged", "JobCompleted"],
                ofJob.Select(e => e["type"]!.GetValue<string>()));
            Assert.Equal(FakeStationControl.Steps, ofJob.Skip(1).Take(5).Select(e => e["state"]!.GetValue<string>()));
        }
        Assert.Equal(21, events.Select(e => e["eventId"]!.GetValue<string>()).Distinct().Count());
        Assert.All(events, e => Assert.Null(e["historical"]));

        // Sparkplug gap detection: birth is 0, then every state/telemetry/events message takes the next number.
        var sequenced = seen.Where(m => m.Topic.EndsWith("/state", StringComparison.Ordinal) || m.Topic.EndsWith("/telemetry", StringComparison.Ordinal) || m.Topic.EndsWith("/events", StringComparison.Ordinal)).Select(m => m.Json["seq"]!.GetValue<int>()).ToList();
        Assert.Equal(Enumerable.Range(0, sequenced.Count), sequenced);
        await station.WaitOutboxEmptyAsync(Patience); // each deleted once its PUBACK came
    }

    [Fact]
    public async Task Broker_stopped_in_the_middle_of_a_backlog_and_restarted_loses_nothing()
    {
        await using var center = await CenterObserver.StartAsync(_broker.Port, $"station/{Station}/events", persistent: true);
        await using var station = await StartStationAsync();
        await station.WaitConnectedAsync(Patience);
        var ids = new List<string>();
        AppendEvents(station.Outbox, 3000, ids);

        await center.WaitForAsync(m => m.Count >= 300, Patience, "the first events");
        _broker.Stop();
        var sentBeforeStop = center.Messages.Count;
        var leftInOutbox = station.Outbox.Measure().Count;
        AppendEvents(station.Outbox, 100, ids); // more work while the broker is down
        await Task.Delay(500);
        _broker.Start();

        await station.WaitOutboxEmptyAsync(Patience);
        var seen = await center.WaitForAsync(m => Events(m).Select(e => e["eventId"]!.GetValue<string>()).Distinct().Count() >= ids.Count, Patience, "every event");
        output.WriteLine($"received {sentBeforeStop} before the stop, {leftInOutbox} were still in the outbox; {seen.Count} messages in all for {ids.Count} events");

        var received = Events(seen).Select(e => e["eventId"]!.GetValue<string>()).ToList();
        Assert.Equal(ids, received.Distinct()); // each once at least, first arrivals in the original order
        // A duplicate is only ever an eventId already seen: re-sent after its PUBACK was lost with the broker.
        var firstSeen = new HashSet<string>();
        foreach (var id in received)
            Assert.True(firstSeen.Add(id) || ids.Contains(id), $"unexpected event {id}");
        // Everything sent on the new connection was created before it: historical.
        Assert.Contains(Events(seen), e => e["historical"]?.GetValue<bool>() == true);
    }

    [Fact]
    public async Task Station_restarted_while_the_broker_is_down_drains_its_backlog_as_historical_after_the_broker_returns()
    {
        await using var center = await CenterObserver.StartAsync(_broker.Port, $"station/{Station}/#", persistent: true);
        var ids = new List<string>();
        var first = await StartStationAsync();
        await first.WaitConnectedAsync(Patience);
        _broker.Stop();
        AppendEvents(first.Outbox, 200, ids);
        await first.DisposeAsync(); // the station restarts (power cycle) while the broker is still down

        await using var second = await StartStationAsync();
        Assert.Equal(200, second.Outbox.ReadOldest(1000).Count(m => m.Kind == OutboxStore.EventKind)); // survived the restart
        _broker.Start();
        await second.WaitOutboxEmptyAsync(Patience);

        var seen = await center.WaitForAsync(m => Events(m).Count >= 200, Patience, "the 200 events");
        var events = Events(seen);
        Assert.Equal(ids, events.Select(e => e["eventId"]!.GetValue<string>()));
        Assert.All(events, e => Assert.True(e["historical"]!.GetValue<bool>()));

        var births = seen.Where(m => m.Topic == $"station/{Station}/state" && m.Json["status"]!.GetValue<string>() == "online").ToList();
        // Every CONNECT attempt takes the next bdSeq (as in Sparkplug), including the ones refused while the broker was down.
        Assert.True(births[^1].Json["bdSeq"]!.GetValue<int>() > births[0].Json["bdSeq"]!.GetValue<int>());
        // The birth comes before the backlog on the new connection.
        var lastBirth = seen.ToList().FindLastIndex(m => m.Topic.EndsWith("/state", StringComparison.Ordinal) && m.Json["status"]!.GetValue<string>() == "online");
        Assert.True(lastBirth < seen.ToList().FindIndex(m => m.Topic.EndsWith("/events", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Payloads_stored_badly_go_out_unchanged_and_do_not_block_the_outbox()
    {
        await using var center = await CenterObserver.StartAsync(_broker.Port, $"station/{Station}/events");
        await using var station = await StartStationAsync();
        await station.WaitConnectedAsync(Patience);

        var now = DateTime.UtcNow;
        station.Outbox.Append(OutboxStore.EventKind, "events", "not json", now);
        station.Outbox.Append(OutboxStore.EventKind, "events", """{"eventId":"twice","eventId":"again"}""", now);
        var ids = new List<string>();
        AppendEvents(station.Outbox, 1, ids);
        await station.WaitOutboxEmptyAsync(Patience);

        var seen = await center.WaitForAsync(m => m.Count >= 3, Patience, "the three messages");
        Assert.Equal(["not json", """{"eventId":"twice","eventId":"again"}"""], seen.Take(2).Select(m => m.Payload));
        Assert.Equal(ids[0], seen.ElementAt(2).Json["eventId"]!.GetValue<string>());
    }

    public void Dispose() => _broker.Dispose();
}
