using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Station.Service.Tests.Center.Fixtures;
using RepositoryPaths = Station.Service.Tests.Testbed.RepositoryPaths;
using Station.Service.Tests.TestSupport;
using Xunit.Abstractions;

namespace Station.Service.Tests.EndToEnd;

/// <summary>
/// The real <c>station run</c> binary against a real mosquitto on loopback: jobs assigned over MQTT are issued on
/// the simulated devices and every lifecycle event reaches the center in order; a killed station leaves its will;
/// an outage of the broker while cards are issued loses nothing; bad commands get error results.
/// </summary>
public sealed class CenterLinkEndToEndTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private static readonly string[] Samples = ["vnm-01-nguyen-van-an.json", "vnm-02-tran-thi-huong.json", "vnm-07-do-anh-bao.json"];
    // The states reported by default (Events:ReportedJobStates); Preparing and Verifying stay off the wire.
    private static readonly string[] CardLifecycle = ["JobAccepted", "JobStateChanged", "JobStateChanged", "JobStateChanged", "JobCompleted"];
    private static readonly string[] Steps = ["Capturing", "Encoding", "Printing"];

    private readonly MosquittoBroker _broker = MosquittoBroker.StartPlain();
    private readonly AsyncApiDocument _contract = AsyncApiDocument.Load();

    private static string SampleFile(string name) => RepositoryPaths.Combine("samples", "applicants", name);

    private static string ApplicationId(string sample) =>
        JsonNode.Parse(File.ReadAllText(SampleFile(sample)))!["applicationId"]!.GetValue<string>();

    private static string AssignJob(string commandId, string sample) =>
        new JsonObject { ["commandId"] = commandId, ["applicant"] = JsonNode.Parse(File.ReadAllText(SampleFile(sample))) }.ToJsonString();

    private static List<JsonObject> Events(IEnumerable<ObservedMessage> seen, string station) =>
        seen.Where(m => m.Topic == $"station/{station}/events").Select(m => m.Json).ToList();

    private static List<JsonObject> Results(IEnumerable<ObservedMessage> seen, string station) =>
        seen.Where(m => m.Topic == $"station/{station}/cmd-result").Select(m => m.Json).ToList();

    private static string Type(JsonObject e) => e["type"]!.GetValue<string>();

    private static string? JobId(JsonObject e) => e["jobId"]?.GetValue<string>();

    /// <summary>An event without what each delivery adds (<c>seq</c>, <c>historical</c>): equal for a repeat of the same event.</summary>
    private static string Content(JsonObject e)
    {
        var copy = e.DeepClone().AsObject();
        copy.Remove("seq");
        copy.Remove("historical");
        return copy.ToJsonString();
    }

    [Fact]
    public async Task Assigned_sample_applicants_are_issued_with_ordered_events_and_telemetry_and_a_killed_station_leaves_its_will()
    {
        const string station = "S1";
        await using var center = await CenterObserver.StartAsync(_broker.Port, $"station/{station}/#");
        await using var process = StationRunProcess.Start(station, StationRunProcess.PlainBroker(_broker.Port), telemetryIntervalSeconds: 2);
        var births = await WaitAsync(center, m => m.Any(x => x.Topic == $"station/{station}/state"), process, "the birth");
        var birth = births.First(x => x.Topic == $"station/{station}/state").Json;
        Assert.Equal("online", birth["status"]!.GetValue<string>());
        var bdSeq = birth["bdSeq"]!.GetValue<int>();

        // Retained: a center that connects later still finds the birth.
        await using (var late = await CenterObserver.StartAsync(_broker.Port, $"station/{station}/state"))
        {
            var retained = await late.WaitForAsync(m => m.Count > 0, Patience, "the retained birth");
            Assert.True(retained[0].Retain);
            Assert.Equal(bdSeq, retained[0].Json["bdSeq"]!.GetValue<int>());
            Assert.Equal(["camera", "fingerprint", "printer", "encoder"], retained[0].Json["devices"]!.AsArray().Select(d => d!["kind"]!.GetValue<string>()));
        }

        // Bad commands: an error result each, and the station goes on.
        await center.PublishAsync($"station/{station}/cmd/assign-job", "{\"commandId\": \"bad-1\", \"applicant\": ");
        await center.PublishAsync($"station/{station}/cmd/launch", "{\"commandId\":\"bad-2\"}");
        await center.PublishAsync($"station/{station}/cmd/assign-job", "{\"commandId\":\"bad-3\",\"applicant\":{\"profile\":\"VNM\",\"idNumber\":\"12\"}}");
        var bad = Results(await WaitAsync(center, m => Results(m, station).Count == 3, process, "three error results"), station);
        Assert.All(bad, r => Assert.False(r["ok"]!.GetValue<bool>()));
        Assert.Contains("not valid JSON", bad.Single(r => r["commandId"] is null)["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Unknown command 'launch'", bad.Single(r => r["commandId"]?.GetValue<string>() == "bad-2")["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("the applicant is invalid", bad.Single(r => r["commandId"]?.GetValue<string>() == "bad-3")["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(process.HasExited);

        for (var i = 0; i < Samples.Length; i++)
            await center.PublishAsync($"station/{station}/cmd/assign-job", AssignJob($"assign-{i}", Samples[i]));
        var seen = await WaitAsync(center, m => Events(m, station).Count(e => Type(e) is "JobCompleted" or "JobFailed") == 3, process, "three jobs to end");
        Assert.True(Events(seen, station).All(e => Type(e) != "JobFailed"), "a job failed: " + string.Join(" | ", Events(seen, station).Where(e => Type(e) == "JobFailed").Select(e => e.ToJsonString())));
        seen = await WaitAsync(center, m => m.Any(x => x.Topic.EndsWith("/telemetry", StringComparison.Ordinal) && x.ReceivedUtc > seen[^1].ReceivedUtc), process, "telemetry after the jobs");

        var accepted = Results(seen, station).Where(r => r["ok"]!.GetValue<bool>()).ToList();
        Assert.Equal(3, accepted.Count);
        var events = Events(seen, station);
        foreach (var (sample, result) in Samples.Zip(accepted.OrderBy(r => r["commandId"]!.GetValue<string>(), StringComparer.Ordinal)))
        {
            var jobId = result["result"]!["jobId"]!.GetValue<string>();
            var ofJob = events.Where(e => JobId(e) == jobId).ToList();
            Assert.Equal(CardLifecycle, ofJob.Select(Type));
            Assert.Equal(Steps, ofJob.Where(e => Type(e) == "JobStateChanged").Select(e => e["state"]!.GetValue<string>()));
            Assert.Equal(ApplicationId(sample), ofJob[0]["applicationId"]!.GetValue<string>());
            Assert.Equal("center", ofJob[0]["source"]!.GetValue<string>());
            Assert.StartsWith("SIM", ofJob[^1]["cardSerial"]!.GetValue<string>(), StringComparison.Ordinal);
            output.WriteLine($"job {jobId}: {ofJob.Sum(e => Encoding.UTF8.GetByteCount(e.ToJsonString()))} payload bytes in {ofJob.Count} events");
        }
        Assert.Equal(events.Count, events.Select(e => e["eventId"]!.GetValue<string>()).Distinct().Count());
        Assert.All(events, e => Assert.Matches("^[A-Za-z0-9_-]{16}$", e["eventId"]!.GetValue<string>()));
        var sent = DateTimeOffset.UtcNow;
        Assert.All(events, e => Assert.InRange(DateTimeOffset.FromUnixTimeMilliseconds(e["time"]!.GetValue<long>()), sent.AddMinutes(-5), sent));

        // Sparkplug seq: the birth is 0, then every state/telemetry/events message of the connection takes the next number.
        var sequenced = seen.Where(m => m.Topic.EndsWith("/state", StringComparison.Ordinal) || m.Topic.EndsWith("/telemetry", StringComparison.Ordinal) || m.Topic.EndsWith("/events", StringComparison.Ordinal))
            .Select(m => m.Json["seq"]!.GetValue<int>()).ToList();
        Assert.Equal(Enumerable.Range(0, sequenced.Count).Select(i => i % 256), sequenced);

        // Telemetry from the live station, as the center merges it (full first, then only changes): its four
        // devices, the stock after three cards, an empty queue.
        var samples = seen.Where(m => m.Topic == $"station/{station}/telemetry").Select(m => m.Json).ToList();
        Assert.True(samples[0]["full"]?.GetValue<bool>(), samples[0].ToJsonString());
        Assert.Contains(samples.Skip(1), s => s["full"] is null && s["devices"] is null); // a change-only sample
        var telemetry = TelemetryView.Merge(samples);
        Assert.Equal(["camera", "fingerprint", "printer", "encoder"], telemetry["devices"]!.AsObject().Select(p => p.Key));
        Assert.Equal(3, telemetry["stock"]!["issued"]!.GetValue<int>());
        Assert.Equal(0, telemetry["queue"]!.GetValue<int>());
        Assert.True(seen.Count(m => m.Topic.EndsWith("/telemetry", StringComparison.Ordinal)) >= 2);

        AssertMatchesContract(seen, station);

        // Power loss: the broker publishes the retained will with the birth's bdSeq.
        var killed = Stopwatch.StartNew();
        process.KillHard();
        var death = await WaitAsync(center, m => m.Any(x => x.Topic == $"station/{station}/state" && x.Payload.Contains("offline", StringComparison.Ordinal)), null, "the will");
        var elapsed = killed.Elapsed;
        var will = death.Last(x => x.Topic == $"station/{station}/state");
        Assert.Equal(bdSeq, will.Json["bdSeq"]!.GetValue<int>());
        output.WriteLine($"will {will.Payload} after {elapsed.TotalMilliseconds:F0} ms");
        // 1.5 × keep-alive, plus mosquitto 2.0's 5 s keep-alive sweep (docs/center-link.md).
        Assert.True(elapsed < TimeSpan.FromSeconds(1.5 * StationRunProcess.KeepAliveSeconds + 5), $"the will came after {elapsed}");
        await using var afterwards = await CenterObserver.StartAsync(_broker.Port, $"station/{station}/state");
        var retainedWill = await afterwards.WaitForAsync(m => m.Count > 0, Patience, "the retained will");
        Assert.True(retainedWill[0].Retain);
        Assert.Equal(JsonNode.Parse($"{{\"status\":\"offline\",\"bdSeq\":{bdSeq}}}")!.ToJsonString(), retainedWill[0].Json.ToJsonString());
    }

    [Fact]
    public async Task Cards_issued_while_the_broker_is_down_reach_the_center_after_it_returns_even_across_a_station_restart()
    {
        const string station = "S2";
        await using var center = await CenterObserver.StartAsync(_broker.Port, $"station/{station}/#", persistent: true);
        await using var process = StationRunProcess.Start(station, StationRunProcess.PlainBroker(_broker.Port), telemetryIntervalSeconds: 2);
        await WaitAsync(center, m => m.Any(x => x.Topic == $"station/{station}/state"), process, "the birth");
        await center.PublishAsync($"station/{station}/cmd/assign-job", AssignJob("online-0", Samples[0]));
        await WaitAsync(center, m => Events(m, station).Any(e => Type(e) == "JobCompleted"), process, "the first card online");

        await process.WaitReadyAsync(Patience);
        _broker.Stop();
        var offlineJobs = new List<string>();
        foreach (var sample in Samples.Skip(1))
            offlineJobs.Add(await process.SubmitAsync(SampleFile(sample)));
        await process.WaitUntilEndedAsync(offlineJobs, Patience);

        // The station is restarted while the broker is still down: the backlog waits in its outbox.
        process.KeepData = true;
        await process.StopAsync();
        await using var restarted = StationRunProcess.Start(station, StationRunProcess.PlainBroker(_broker.Port), telemetryIntervalSeconds: 2, process.DataDirectory);
        await restarted.WaitReadyAsync(Patience);
        _broker.Start();

        var seen = await WaitAsync(center, m => Events(m, station).Count(e => Type(e) == "JobCompleted") >= 3, restarted, "the cards issued offline");
        var events = Events(seen, station);
        var ids = events.Select(e => e["eventId"]!.GetValue<string>()).ToList();
        output.WriteLine($"{events.Count} events received, {ids.Distinct().Count()} distinct");
        Assert.Equal(3 * CardLifecycle.Length, ids.Distinct().Count()); // every event of the three cards, none lost
        // A repeat is only ever an event already seen (its PUBACK was lost with the broker): same id, same content.
        foreach (var group in events.GroupBy(e => e["eventId"]!.GetValue<string>()))
            Assert.Single(group.Select(Content).Distinct());
        foreach (var jobId in offlineJobs)
        {
            var ofJob = events.Where(e => JobId(e) == jobId).DistinctBy(e => e["eventId"]!.GetValue<string>()).ToList();
            Assert.Equal(CardLifecycle, ofJob.Select(Type));
            Assert.All(ofJob, e => Assert.True(e["historical"]?.GetValue<bool>(), $"{e.ToJsonString()} was created before the reconnect"));
        }
        AssertMatchesContract(seen, station);
    }

    [Fact]
    public async Task A_station_without_a_broker_keeps_its_events_across_a_restart_and_sends_them_once_a_broker_is_given()
    {
        const string station = "S3";
        var data = TestStation.NewDataDir();
        string jobId;
        await using (var offline = StationRunProcess.Start(station, broker: null, telemetryIntervalSeconds: 1, data))
        {
            offline.KeepData = true;
            await offline.WaitReadyAsync(Patience);
            jobId = await offline.SubmitAsync(SampleFile(Samples[0]));
            await offline.WaitUntilEndedAsync([jobId], Patience);
            await Task.Delay(1500); // at least one more telemetry sample into the outbox
            await offline.StopAsync();
        }

        // The restarted station, now with a broker, sends what waited in the outbox: historical, in order.
        await using var center = await CenterObserver.StartAsync(_broker.Port, $"station/{station}/#");
        await using var process = StationRunProcess.Start(station, StationRunProcess.PlainBroker(_broker.Port), telemetryIntervalSeconds: 300, data);
        var seen = await WaitAsync(center, m => Events(m, station).Any(e => Type(e) == "JobCompleted"), process, "the events kept offline");
        var ofJob = Events(seen, station).Where(e => JobId(e) == jobId).ToList();
        Assert.Equal(CardLifecycle, ofJob.Select(Type));
        Assert.All(ofJob, e => Assert.True(e["historical"]?.GetValue<bool>(), $"{e.ToJsonString()} should be historical"));
        Assert.Equal("state", seen[0].Topic[$"station/{station}/".Length..]); // the birth comes first, then the backlog
        var historicalTelemetry = seen.Where(m => m.Topic.EndsWith("/telemetry", StringComparison.Ordinal) && m.Json["historical"] is not null).ToList();
        Assert.NotEmpty(historicalTelemetry);
        AssertMatchesContract(seen, station);
    }

    [Fact]
    public async Task Alarms_cancellations_spoiled_cards_and_failures_from_the_pipeline_reach_the_center_as_documented()
    {
        const string station = "S6";
        await using var center = await CenterObserver.StartAsync(_broker.Port, $"station/{station}/#");
        await using var process = StationRunProcess.Start(station, StationRunProcess.PlainBroker(_broker.Port), telemetryIntervalSeconds: 300, null,
            "--Stock:AutoLoad=false", "--Simulation:Faults=chip-write=1", "--Pipeline:WaitSeconds=1");
        await process.WaitReadyAsync(Patience);
        await WaitAsync(center, m => m.Any(x => x.Topic == $"station/{station}/state"), process, "the birth");

        // An empty hopper: the job waits in Encoding with one critical alarm on the printer; then it is cancelled.
        await center.PublishAsync($"station/{station}/cmd/assign-job", AssignJob("waits", Samples[0]));
        var seen = await WaitAsync(center, m => Events(m, station).Any(e => Type(e) == "Alarm"), process, "the hopper alarm");
        var waiting = Results(seen, station).Single()["result"]!["jobId"]!.GetValue<string>();
        var raised = Events(seen, station).Single(e => Type(e) == "Alarm");
        Assert.Equal(("HopperEmpty", "critical", "printer", true),
            (raised["code"]!.GetValue<string>(), raised["severity"]!.GetValue<string>(), raised["device"]!.GetValue<string>(), raised["active"]!.GetValue<bool>()));
        await center.PublishAsync($"station/{station}/cmd/cancel-job", $"{{\"commandId\":\"cancel\",\"jobId\":\"{waiting}\"}}");
        seen = await WaitAsync(center, m => Events(m, station).Any(e => Type(e) == "JobCancelled"), process, "the cancellation");
        var cancelled = Events(seen, station).Single(e => Type(e) == "JobCancelled");
        Assert.Equal((waiting, "Encoding"), (JobId(cancelled), cancelled["state"]!.GetValue<string>()));

        // Cards loaded, every chip write fails: the alarm clears, each attempt's card is spoiled, the job fails with its reason.
        var load = await StationProcess.RunAsync("stock", "load", "--first", "VN000000001", "--count", "10", "--data-dir", process.DataDirectory);
        Assert.True(load.ExitCode == 0, load.ToString());
        await center.PublishAsync($"station/{station}/cmd/assign-job", AssignJob("fails", Samples[1]));
        seen = await WaitAsync(center, m => Events(m, station).Any(e => Type(e) == "JobFailed"), process, "the failed job");
        var events = Events(seen, station);
        var cleared = events.Last(e => Type(e) == "Alarm");
        Assert.Equal(("HopperEmpty", "info", false), (cleared["code"]!.GetValue<string>(), cleared["severity"]!.GetValue<string>(), cleared["active"]!.GetValue<bool>()));
        var spoiled = events.Where(e => Type(e) == "CardSpoiled").ToList();
        Assert.NotEmpty(spoiled);
        Assert.All(spoiled, d => Assert.StartsWith("VN", d["serial"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.All(spoiled, d => Assert.False(string.IsNullOrEmpty(d["reason"]!.GetValue<string>())));
        var failed = events.Single(e => Type(e) == "JobFailed");
        Assert.False(string.IsNullOrEmpty(failed["reason"]!.GetValue<string>()));
        Assert.Equal("Encoding", failed["state"]!.GetValue<string>()); // where it failed, though Verifying etc. are not reported
        output.WriteLine($"failed: {failed.ToJsonString()}; spoiled: {string.Join(" ", spoiled.Select(d => d.ToJsonString()))}");
        AssertMatchesContract(seen, station);
    }

    [Fact]
    public async Task A_bad_center_configuration_stops_station_run_with_a_message_naming_the_setting()
    {
        var data = TestStation.NewDataDir();
        try
        {
            var plain = await StationProcess.RunAsync("run", "--data-dir", data, "--station-id", "S4", "--broker", "mqtt://127.0.0.1:1");
            Assert.Equal(2, plain.ExitCode);
            Assert.Contains("set Center:AllowPlaintext to true explicitly", plain.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("Unhandled exception", plain.Stderr, StringComparison.Ordinal);

            var twoIds = await StationProcess.RunAsync("run", "--data-dir", data, "--Station:StationId=S4", "--Center:StationId=S5");
            Assert.Equal(2, twoIds.ExitCode);
            Assert.Contains("Center:StationId differs from Station:StationId", twoIds.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private void AssertMatchesContract(IEnumerable<ObservedMessage> seen, string station)
    {
        var checkedMessages = _contract.AssertConforms(seen, station);
        output.WriteLine($"{checkedMessages} messages from the station checked against docs/asyncapi.yaml");
    }

    /// <summary>Waits on the center's view; fails early, with the station's log, if the station died.</summary>
    private static async Task<IReadOnlyList<ObservedMessage>> WaitAsync(CenterObserver center, Func<IReadOnlyList<ObservedMessage>, bool> condition, StationRunProcess? process, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var seen = center.Messages;
            if (condition(seen)) return seen;
            if (process is { HasExited: true }) throw new InvalidOperationException($"station run exited while waiting for {what}:\n{process.Log}");
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Timed out waiting for {what}; saw {seen.Count} messages, last: {string.Join(" | ", seen.TakeLast(3).Select(m => m.Topic + " " + m.Payload))}\nstation log:\n{process?.Log}");
            await Task.Delay(50);
        }
    }

    public void Dispose() => _broker.Dispose();
}
