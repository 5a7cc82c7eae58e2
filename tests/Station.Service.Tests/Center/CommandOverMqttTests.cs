using System.Text;
using Station.Service.Center.Commands;
using Station.Service.Tests.Center.Fixtures;
using Xunit.Abstractions;

namespace Station.Service.Tests.Center;

/// <summary>Commands from the center through a real mosquitto: results, correlation data, response topics, bad input.</summary>
public sealed class CommandOverMqttTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private const string Station = "HN-003";
    private readonly MosquittoBroker _broker = MosquittoBroker.StartPlain();
    private StationHarness _station = null!;
    private CenterObserver _center = null!;

    public async Task InitializeAsync()
    {
        _center = await CenterObserver.StartAsync(_broker.Port, $"station/{Station}/cmd-result");
        await _center.Client.SubscribeAsync(new MQTTnet.MqttClientSubscribeOptionsBuilder().WithTopicFilter("center/replies/#").WithTopicFilter($"station/{Station}/state").Build());
        _station = await StationHarness.StartAsync(Path.Combine(MosquittoBroker.TempDirectory(), "station.db"),
            StationHarness.Settings(Station, StationHarness.PlainBroker(_broker.Port)), new XunitLoggerProvider(output));
        await _station.WaitConnectedAsync(Patience);
    }

    private async Task<ObservedMessage> AskAsync(string command, string payload, byte[]? correlation = null, string? responseTopic = null)
    {
        var before = _center.Messages.Count(m => !m.Topic.EndsWith("/state", StringComparison.Ordinal));
        await _center.PublishAsync($"station/{Station}/cmd/{command}", payload, correlation, responseTopic);
        var seen = await _center.WaitForAsync(m => m.Count(x => !x.Topic.EndsWith("/state", StringComparison.Ordinal)) > before, Patience, $"the result of {command}");
        return seen.Where(m => !m.Topic.EndsWith("/state", StringComparison.Ordinal)).ElementAt(before);
    }

    [Fact]
    public async Task Assign_job_answers_on_cmd_result_with_the_requests_correlation_data()
    {
        var correlation = Encoding.ASCII.GetBytes("req-42");
        var reply = await AskAsync("assign-job", """{"commandId":"c-1","applicant":{"idNumber":"001090012345","fullName":"Nguyễn Văn An"}}""", correlation);

        Assert.Equal($"station/{Station}/cmd-result", reply.Topic);
        Assert.Equal(correlation, reply.CorrelationData);
        Assert.Equal("""{"commandId":"c-1","ok":true,"result":{"jobId":"job-1","alreadyExisted":false}}""", reply.Payload);
        Assert.Contains("Nguyễn Văn An", System.Text.Json.Nodes.JsonNode.Parse(Assert.Single(_station.Control.Submitted))!["fullName"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_response_topic_of_the_request_is_honoured_and_a_repeat_is_replayed_not_rerun()
    {
        var first = await AskAsync("cancel-job", """{"commandId":"k-1","jobId":"job-9"}""", responseTopic: "center/replies/7");
        var again = await AskAsync("cancel-job", """{"commandId":"k-1","jobId":"job-9"}""", responseTopic: "center/replies/8");

        Assert.Equal("center/replies/7", first.Topic);
        Assert.Equal("center/replies/8", again.Topic);
        Assert.Equal("""{"commandId":"k-1","ok":true,"result":{"jobId":"job-9"}}""", first.Payload);
        Assert.Equal(first.Payload, again.Payload);
        Assert.Equal(["job-9"], _station.Control.Cancelled);
    }

    [Theory]
    [InlineData("assign-job", "{oops", """{"commandId":null,"ok":false,"error":"Command 'assign-job': the payload is not valid JSON""")]
    [InlineData("launch", """{"commandId":"x-1"}""", """{"commandId":"x-1","ok":false,"error":"Unknown command 'launch'; known commands: assign-job, cancel-job, pause, resume, rebirth, diagnostics."}""")]
    [InlineData("assign-job", """{"commandId":"x-2","applicant":{"idNumber":"12"}}""", """{"commandId":"x-2","ok":false,"error":"assign-job: the applicant is invalid: idNumber: must be 12 digits","fieldErrors":[{"field":"idNumber","message":"must be 12 digits"}]}""")]
    [InlineData("cancel-job", """{"commandId":"x-3","jobId":false}""", """{"commandId":"x-3","ok":false,"error":"cancel-job: 'jobId' must be a string, not False."}""")]
    public async Task Bad_commands_get_error_results_and_the_station_keeps_going(string command, string payload, string expectedStart)
    {
        var reply = await AskAsync(command, payload);
        Assert.StartsWith(expectedStart, reply.Payload, StringComparison.Ordinal);

        var after = await AskAsync("pause", """{"commandId":"p-after"}""");
        Assert.Equal("""{"commandId":"p-after","ok":true,"result":{"paused":true}}""", after.Payload);
        Assert.Empty(_station.Control.Submitted);
    }

    [Fact]
    public async Task An_oversized_command_is_answered_unread_and_stores_nothing()
    {
        var photo = new string('A', CommandProcessor.MaxPayloadBytes);
        var reply = await AskAsync("assign-job", """{"commandId":"big-1","applicant":{"idNumber":"001090012345","photo":""" + "\"" + photo + "\"}}");

        Assert.StartsWith("""{"commandId":null,"ok":false,"error":"Command 'assign-job': the payload is """, reply.Payload, StringComparison.Ordinal);
        Assert.Contains($"the station takes at most {CommandProcessor.MaxPayloadBytes}", reply.Payload, StringComparison.Ordinal);
        Assert.Empty(_station.Control.Submitted);
        var after = await AskAsync("pause", """{"commandId":"p-big"}""");
        Assert.Equal("""{"commandId":"p-big","ok":true,"result":{"paused":true}}""", after.Payload);
    }

    [Fact]
    public async Task Rebirth_republishes_the_birth_with_the_same_bdSeq_then_a_full_sample_and_diagnostics_reports_the_link()
    {
        await _station.WaitOutboxEmptyAsync(Patience); // the sample taken at start is out: a full sample seen from now on is the rebirth's
        await using var telemetry = await CenterObserver.StartAsync(_broker.Port, $"station/{Station}/telemetry");
        var rebirth = await AskAsync("rebirth", """{"commandId":"r-1"}""");
        Assert.Equal("""{"commandId":"r-1","ok":true,"result":{"bdSeq":0}}""", rebirth.Payload);
        var births = await _center.WaitForAsync(m => m.Count(x => x.Topic.EndsWith("/state", StringComparison.Ordinal)) >= 2, Patience, "two births");
        var states = births.Where(x => x.Topic.EndsWith("/state", StringComparison.Ordinal)).Select(x => x.Json).ToList();
        Assert.All(states, s => Assert.Equal(0, s["bdSeq"]!.GetValue<int>()));
        Assert.Equal(0, states[^1]["seq"]!.GetValue<int>());
        // As Sparkplug's birth carries every metric, the rebirth is followed at once by a full telemetry sample.
        var samples = await telemetry.WaitForAsync(m => m.Any(x => x.Json["full"] is not null), Patience, "a full sample after the rebirth");
        var full = samples.First(x => x.Json["full"] is not null).Json;
        Assert.True(full["seq"]!.GetValue<int>() > 0);
        Assert.NotNull(full["devices"]);

        var diagnostics = (await AskAsync("diagnostics", """{"commandId":"d-1"}""")).Json["result"]!;
        Assert.True(diagnostics["link"]!["connected"]!.GetValue<bool>());
        Assert.Equal(0, diagnostics["link"]!["bdSeq"]!.GetValue<int>());
        Assert.Equal(2, diagnostics["station"]!["queue"]!.GetValue<int>());
        Assert.False(diagnostics["paused"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Commands_for_another_station_are_not_answered()
    {
        await _center.PublishAsync("station/OTHER/cmd/pause", """{"commandId":"o-1"}""");
        var mine = await AskAsync("resume", """{"commandId":"o-2"}""");
        Assert.Equal("""{"commandId":"o-2","ok":true,"result":{"paused":false}}""", mine.Payload);
        Assert.DoesNotContain(_center.Messages, m => m.Payload.Contains("o-1", StringComparison.Ordinal));
    }

    public async Task DisposeAsync()
    {
        await _station.DisposeAsync();
        await _center.DisposeAsync();
        _broker.Dispose();
    }
}
