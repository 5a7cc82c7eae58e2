using System.Text.Json.Nodes;
using Station.Personalization.Applicants;
using Station.Service.Center.Outbox;
using Station.Service.Events;
using Station.Service.Jobs;

namespace Station.Service.Tests.Center.Fixtures;

/// <summary>
/// Stands in for the job store and pipeline: an applicant without <c>idNumber</c> or with a non-12-digit one is
/// rejected with field errors; an accepted job "runs" at once and its lifecycle events go into the outbox, as the
/// real event sink would put them.
/// </summary>
public sealed class FakeStationControl : IStationControl
{
    public static readonly string[] Steps = ["Capturing", "Preparing", "Encoding", "Verifying", "Printing"];

    private readonly List<string> _submitted = [];
    private readonly List<string> _cancelled = [];

    public OutboxStore? Outbox { get; set; }
    public IReadOnlyList<string> Submitted { get { lock (_submitted) return [.. _submitted]; } }
    public IReadOnlyList<string> Cancelled { get { lock (_cancelled) return [.. _cancelled]; } }
    public bool IsPaused { get; private set; }

    public SubmitOutcome Submit(string applicantJson, string source)
    {
        var applicant = JsonNode.Parse(applicantJson)!.AsObject();
        var id = applicant["idNumber"]?.GetValue<string>();
        if (id is null || id.Length != 12 || !id.All(char.IsAsciiDigit))
            return new SubmitOutcome(false, null, false, [new FieldError("idNumber", "must be 12 digits")], null);

        string jobId;
        lock (_submitted)
        {
            _submitted.Add(applicantJson);
            jobId = "job-" + _submitted.Count;
        }
        if (Outbox is { } outbox) RunJob(outbox, jobId);
        return new SubmitOutcome(true, jobId, false, [], null);
    }

    /// <summary>Puts the events of one successful job into the outbox as the pipeline emits them: accepted, each step, completed.</summary>
    public static void RunJob(OutboxStore outbox, string jobId)
    {
        Emit(outbox, "JobAccepted", new JsonObject { ["jobId"] = jobId, ["applicationId"] = "A-" + jobId, ["source"] = "center" });
        foreach (var step in Steps)
            Emit(outbox, "JobStateChanged", new JsonObject { ["jobId"] = jobId, ["state"] = step });
        Emit(outbox, "JobCompleted", new JsonObject { ["jobId"] = jobId, ["applicationId"] = "A-" + jobId, ["cardSerial"] = "VN0000123456" });
    }

    public static void Emit(OutboxStore outbox, string type, JsonObject data) =>
        OutboxEvents.Append(outbox, new StationEvent(OutboxEventSink.NewEventId(), type, DateTimeOffset.UtcNow, data));

    public CancelOutcome Cancel(string jobId)
    {
        if (!jobId.StartsWith("job-", StringComparison.Ordinal)) return new CancelOutcome(false, "no such job");
        lock (_cancelled) _cancelled.Add(jobId);
        return new CancelOutcome(true, null);
    }

    public void Pause() => IsPaused = true;
    public void Resume() => IsPaused = false;
}
