using System.Text.Json.Nodes;
using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;
using Station.Service.Center.Commands;
using Station.Service.Tests.Center.Fixtures;

namespace Station.Service.Tests.Center;

public sealed class CommandProcessorTests : IDisposable
{
    private readonly LiteDatabase _database = new(new MemoryStream(), new BsonMapper());
    private readonly FakeStationControl _control = new();
    private readonly ProcessedCommandStore _store;
    private readonly CommandProcessor _processor;
    private readonly FakeLink _link = new();

    public CommandProcessorTests()
    {
        _store = new ProcessedCommandStore(_database);
        _processor = new CommandProcessor(_control, _store, TimeProvider.System, NullLogger<CommandProcessor>.Instance);
    }

    private Task<CommandResult> Run(string name, string payload) => _processor.ProcessAsync(name, payload, _link, CancellationToken.None);

    private const string GoodApplicant = """{"commandId":"c-1","applicant":{"idNumber":"001090012345","fullName":"Nguyễn Văn An"}}""";

    [Fact]
    public async Task Assign_job_submits_the_applicant_and_returns_the_job()
    {
        var result = await Run("assign-job", GoodApplicant);

        Assert.True(result.Ok, result.Error);
        Assert.Equal("""{"commandId":"c-1","ok":true,"result":{"jobId":"job-1","alreadyExisted":false}}""", result.ToJson().ToJsonString());
        var submitted = JsonNode.Parse(Assert.Single(_control.Submitted))!;
        Assert.Equal("Nguyễn Văn An", submitted["fullName"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_repeated_command_id_replays_the_stored_result_without_running_again()
    {
        var first = await Run("assign-job", GoodApplicant);
        var second = await Run("assign-job", GoodApplicant);

        Assert.Single(_control.Submitted);
        Assert.Equal(first.ToJson().ToJsonString(), second.ToJson().ToJsonString());
    }

    [Fact]
    public async Task Replay_survives_a_restart_because_results_are_in_LiteDB()
    {
        await Run("cancel-job", """{"commandId":"k-1","jobId":"job-7"}""");
        var restarted = new CommandProcessor(_control, new ProcessedCommandStore(_database), TimeProvider.System, NullLogger<CommandProcessor>.Instance);

        var replay = await restarted.ProcessAsync("cancel-job", """{"commandId":"k-1","jobId":"job-7"}""", _link, CancellationToken.None);

        Assert.Equal("""{"commandId":"k-1","ok":true,"result":{"jobId":"job-7"}}""", replay.ToJson().ToJsonString());
        Assert.Equal(["job-7"], _control.Cancelled); // replayed, not executed again
    }

    [Fact]
    public async Task A_repeated_pause_after_a_restart_pauses_again_instead_of_replaying_a_state_that_is_gone()
    {
        await Run("pause", """{"commandId":"p-1"}""");
        var restarted = new CommandProcessor(_control, new ProcessedCommandStore(_database), TimeProvider.System, NullLogger<CommandProcessor>.Instance);
        _control.Resume(); // a restart forgets the pause

        var again = await restarted.ProcessAsync("pause", """{"commandId":"p-1"}""", _link, CancellationToken.None);

        Assert.Equal("""{"commandId":"p-1","ok":true,"result":{"paused":true}}""", again.ToJson().ToJsonString());
        Assert.True(_control.IsPaused);
    }

    [Fact]
    public async Task A_retried_rebirth_publishes_a_new_birth()
    {
        var first = await Run("rebirth", """{"commandId":"r-1"}""");
        var retried = await Run("rebirth", """{"commandId":"r-1"}""");

        Assert.True(first.Ok && retried.Ok);
        Assert.Equal(2, _link.Rebirths);
    }

    [Fact]
    public void Results_older_than_the_retention_go_when_a_new_one_is_saved()
    {
        var now = new DateTime(2026, 11, 27, 10, 0, 0, DateTimeKind.Utc);
        _store.Save(new ProcessedCommand { CommandId = "old", Command = "cancel-job", ProcessedUtc = now - ProcessedCommandStore.Retention - TimeSpan.FromMinutes(1) });
        _store.Save(new ProcessedCommand { CommandId = "recent", Command = "cancel-job", ProcessedUtc = now - ProcessedCommandStore.Retention + TimeSpan.FromMinutes(1) });
        Assert.Equal(2, _store.Count);

        _store.Save(new ProcessedCommand { CommandId = "new", Command = "cancel-job", ProcessedUtc = now });

        Assert.Null(_store.Find("old"));
        Assert.NotNull(_store.Find("recent"));
        Assert.Equal(2, _store.Count);
    }

    [Fact]
    public async Task A_command_id_reused_for_another_command_is_an_error()
    {
        await Run("pause", """{"commandId":"x"}""");
        var result = await Run("resume", """{"commandId":"x"}""");
        Assert.False(result.Ok);
        Assert.Equal("commandId 'x' was already used for 'pause', not 'resume'.", result.Error);
    }

    [Theory]
    [InlineData("assign-job", "{not json", null, "Command 'assign-job': the payload is not valid JSON")]
    [InlineData("assign-job", "[1,2]", null, "Command 'assign-job': the payload must be a JSON object.")]
    [InlineData("assign-job", """{"applicant":{}}""", null, "Command 'assign-job': 'commandId' is missing.")]
    [InlineData("pause", """{"commandId":42}""", null, "Command 'pause': 'commandId' must be a string, not Number.")]
    [InlineData("pause", """{"commandId":"  "}""", null, "Command 'pause': 'commandId' is empty.")]
    [InlineData("reboot", """{"commandId":"c-9"}""", "c-9", "Unknown command 'reboot'; known commands: assign-job, cancel-job, pause, resume, rebirth, diagnostics.")]
    [InlineData("assign-job", """{"commandId":"c-2"}""", "c-2", "assign-job: 'applicant' is missing.")]
    [InlineData("assign-job", """{"commandId":"c-3","applicant":"Nguyen"}""", "c-3", "assign-job: 'applicant' must be a JSON object, not String.")]
    [InlineData("cancel-job", """{"commandId":"c-4"}""", "c-4", "cancel-job: 'jobId' is missing.")]
    [InlineData("cancel-job", """{"commandId":"c-5","jobId":7}""", "c-5", "cancel-job: 'jobId' must be a string, not Number.")]
    [InlineData("cancel-job", """{"commandId":"c-6","jobId":"nope"}""", "c-6", "cancel-job: job 'nope' was not cancelled: no such job")]
    [InlineData("pause", """{"commandId":"a","commandId":"b"}""", null, "Command 'pause': the payload is not valid JSON (Duplicate property 'commandId'")]
    [InlineData("assign-job", """{"commandId":"c-8","applicant":{"idNumber":"001090012345","idNumber":"079090099999"}}""", null, "Command 'assign-job': the payload is not valid JSON (Duplicate property 'idNumber'")]
    [InlineData("pause", """{"commandId":"\ud800"}""", null, "Command 'pause': 'commandId' is not valid text")]
    [InlineData("cancel-job", """{"commandId":"c-9","jobId":"\udfff"}""", "c-9", "cancel-job: 'jobId' is not valid text")]
    [InlineData("assign-job", """{"commandId":"c-10","applicant":{"fullName":"Nguy\ud800n"}}""", "c-10", "assign-job: 'applicant' holds text that is not valid Unicode")]
    public async Task Bad_commands_get_an_error_naming_the_problem_and_nothing_is_stored(string name, string payload, string? commandId, string error)
    {
        var result = await Run(name, payload);

        Assert.False(result.Ok);
        Assert.Equal(commandId, result.CommandId);
        Assert.StartsWith(error, result.Error, StringComparison.Ordinal);
        Assert.Equal(0, _store.Count);
        Assert.Empty(_control.Submitted);
    }

    [Fact]
    public async Task An_invalid_applicant_gets_its_field_errors_and_is_not_stored()
    {
        var result = await Run("assign-job", """{"commandId":"c-7","applicant":{"idNumber":"12345"}}""");

        Assert.Equal(
            """{"commandId":"c-7","ok":false,"error":"assign-job: the applicant is invalid: idNumber: must be 12 digits","fieldErrors":[{"field":"idNumber","message":"must be 12 digits"}]}""",
            result.ToJson().ToJsonString());
        Assert.Equal(0, _store.Count);
    }

    [Fact]
    public async Task Cancel_pause_resume_and_rebirth_act_and_report()
    {
        Assert.Equal("""{"jobId":"job-3"}""", (await Run("cancel-job", """{"commandId":"a","jobId":"job-3"}""")).Result!.ToJsonString());
        Assert.Equal(["job-3"], _control.Cancelled);
        Assert.Equal("""{"paused":true}""", (await Run("pause", """{"commandId":"b"}""")).Result!.ToJsonString());
        Assert.True(_control.IsPaused);
        Assert.Equal("""{"paused":false}""", (await Run("resume", """{"commandId":"c"}""")).Result!.ToJsonString());
        Assert.False(_control.IsPaused);
        Assert.Equal("""{"bdSeq":7}""", (await Run("rebirth", """{"commandId":"d"}""")).Result!.ToJsonString());
        Assert.Equal(1, _link.Rebirths);
        Assert.Equal(4, _store.Count);
    }

    [Fact]
    public async Task Diagnostics_is_fresh_every_time_and_not_stored()
    {
        var result = await Run("diagnostics", """{"commandId":"d-1"}""");
        Assert.Equal("""{"link":{"connected":true},"paused":false}""", result.Result!.ToJsonString());
        Assert.Equal(0, _store.Count);
    }

    [Fact]
    public async Task An_exception_inside_the_station_becomes_an_error_result()
    {
        _link.FailRebirth = true;
        var result = await Run("rebirth", """{"commandId":"r-1"}""");
        Assert.False(result.Ok);
        Assert.Equal("Command 'rebirth' failed inside the station: not connected to the center", result.Error);
        Assert.Equal(0, _store.Count);
    }

    public void Dispose() => _database.Dispose();

    private sealed class FakeLink : ICenterLinkActions
    {
        public int Rebirths { get; private set; }
        public bool FailRebirth { get; set; }

        public Task<int> RebirthAsync(CancellationToken cancellationToken)
        {
            if (FailRebirth) throw new InvalidOperationException("not connected to the center");
            Rebirths++;
            return Task.FromResult(7);
        }

        public JsonObject Diagnostics() => new() { ["link"] = new JsonObject { ["connected"] = true } };
    }
}
