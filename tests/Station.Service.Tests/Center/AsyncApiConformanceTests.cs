using System.Text.Json.Nodes;
using Station.Service.Tests.Center.Fixtures;
using Xunit.Abstractions;

namespace Station.Service.Tests.Center;

/// <summary>The AsyncAPI document matches what the station sends (and its own examples).</summary>
public sealed class AsyncApiConformanceTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private const string Station = "HN-050";
    private readonly AsyncApiDocument _document = AsyncApiDocument.Load();
    private readonly MosquittoBroker _broker = MosquittoBroker.StartPlain();

    [Fact]
    public void Every_example_in_the_document_satisfies_its_own_schema()
    {
        var checkedExamples = 0;
        foreach (var message in _document.MessageNames)
            foreach (var example in _document.Examples(message))
            {
                Assert.Empty(_document.Violations(message, example));
                checkedExamples++;
            }
        Assert.True(checkedExamples >= 10, $"only {checkedExamples} examples");
    }

    [Fact]
    public void The_check_notices_an_undeclared_or_missing_field()
    {
        Assert.Equal(["$: 'reason' is sent but not declared"], _document.Violations("death", JsonNode.Parse("""{"status":"offline","bdSeq":1,"reason":"x"}""")));
        Assert.Equal(["$: required 'bdSeq' is missing"], _document.Violations("death", JsonNode.Parse("""{"status":"offline"}""")));
        Assert.Equal(["$.status: online is not the constant offline"], _document.Violations("death", JsonNode.Parse("""{"status":"online","bdSeq":1}""")));
    }

    [Fact]
    public async Task Everything_the_station_publishes_matches_the_document()
    {
        var database = Path.Combine(MosquittoBroker.TempDirectory(), "station.db");
        await using var center = await CenterObserver.StartAsync(_broker.Port, $"station/{Station}/#");
        await using (var station = await StationHarness.StartAsync(database, StationHarness.Settings(Station, StationHarness.PlainBroker(_broker.Port)), new XunitLoggerProvider(output)))
        {
            await station.WaitConnectedAsync(Patience);
            FakeStationControl.RunJob(station.Outbox, "job-a");
            FakeStationControl.Emit(station.Outbox, "JobFailed", new JsonObject { ["jobId"] = "job-b", ["applicationId"] = "A-b", ["state"] = "Verifying", ["reason"] = "ChipVerifyFailed", ["message"] = "the chip did not verify" });
            FakeStationControl.Emit(station.Outbox, "CardSpoiled", new JsonObject { ["serial"] = "VN01", ["reason"] = "ChipVerifyFailed", ["jobId"] = "job-b" });
            FakeStationControl.Emit(station.Outbox, "Alarm", new JsonObject { ["code"] = "RibbonLow", ["severity"] = "warning", ["device"] = "printer", ["message"] = "ribbon low", ["active"] = true });
            string[] commands =
            [
                "assign-job|{\"commandId\":\"1\",\"applicant\":{\"idNumber\":\"001090012345\"}}",
                "assign-job|{\"commandId\":\"2\",\"applicant\":{\"idNumber\":\"1\"}}",
                "cancel-job|{\"commandId\":\"3\",\"jobId\":\"job-1\"}",
                "pause|{\"commandId\":\"4\"}",
                "resume|{\"commandId\":\"5\"}",
                "rebirth|{\"commandId\":\"6\"}",
                "diagnostics|{\"commandId\":\"7\"}",
                "nonsense|{\"commandId\":\"8\"}",
                "pause|not json",
            ];
            foreach (var command in commands)
                await center.PublishAsync($"station/{Station}/cmd/{command.Split('|')[0]}", command.Split('|')[1]);
            await center.WaitForAsync(m => m.Count(x => x.Topic.EndsWith("/cmd-result", StringComparison.Ordinal)) == commands.Length
                && m.Count(x => x.Topic.EndsWith("/events", StringComparison.Ordinal)) == 7 + 7 + 3, Patience, "all results and events");
        } // clean stop: the offline state

        var seen = await center.WaitForAsync(m => m.Any(x => x.Payload.Contains("offline", StringComparison.Ordinal)), Patience, "the offline state");
        var checkedMessages = _document.AssertConforms(seen, Station);
        output.WriteLine($"{checkedMessages} messages checked against docs/asyncapi.yaml");
    }

    public void Dispose() => _broker.Dispose();
}
