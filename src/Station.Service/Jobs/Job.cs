using LiteDB;

namespace Station.Service.Jobs;

/// <summary>
/// One issuance job as stored in the <c>jobs</c> collection. Changed only through <see cref="JobStore.Change"/>,
/// which writes each change, its history entries and its events in one transaction.
/// </summary>
public sealed class Job
{
    public string Id { get; set; } = "";
    public string ApplicationId { get; set; } = "";
    /// <summary>SHA-256 of the canonical applicant document; a resubmission must match it.</summary>
    public string ContentHash { get; set; } = "";
    /// <summary>The applicant document as submitted.</summary>
    public string ApplicantJson { get; set; } = "";
    /// <summary>The validated applicant (defaults applied), so later steps never re-derive defaults such as today's date.</summary>
    public string ValidatedApplicantJson { get; set; } = "";
    /// <summary>Who submitted it: <c>cli</c>, <c>center</c> or <c>demo</c>.</summary>
    public string Source { get; set; } = "";
    public JobState State { get; set; }
    /// <summary>The card the job holds now, or the card issued to it once completed.</summary>
    public string? CardSerial { get; set; }
    /// <summary>Attempts per step (state name → count).</summary>
    public Dictionary<string, int> Attempts { get; set; } = [];
    public FailureReason? FailureReason { get; set; }
    public List<JobRecord> History { get; set; } = [];
    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
    public DateTime? EndedUtc { get; set; }

    [BsonIgnore]
    public bool IsEnded => State is JobState.Completed or JobState.Failed or JobState.Cancelled;

    [BsonIgnore]
    public JobRecord? LastRecord => History.Count == 0 ? null : History[^1];

    /// <summary>True when the last history entry is an intent without its outcome: a device action was interrupted.</summary>
    [BsonIgnore]
    public bool HasOpenIntent => LastRecord?.Kind == JobRecordKind.Intent;

    public int AttemptsAt(JobState step) => Attempts.GetValueOrDefault(step.ToString());
}
