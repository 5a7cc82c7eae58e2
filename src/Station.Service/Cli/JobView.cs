using Station.Service.Jobs;

namespace Station.Service.Cli;

/// <summary>The <c>job list --json</c> item and the head of <c>job show --json</c>.</summary>
public sealed record JobView(
    string Id,
    string ApplicationId,
    JobState State,
    string? CardSerial,
    IReadOnlyDictionary<string, int> Attempts,
    FailureReason? FailureReason,
    string Source,
    DateTime CreatedUtc,
    DateTime UpdatedUtc,
    DateTime? EndedUtc)
{
    public static JobView From(Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return new(job.Id, job.ApplicationId, job.State, job.CardSerial, job.Attempts, job.FailureReason, job.Source, job.CreatedUtc, job.UpdatedUtc, job.EndedUtc);
    }
}

/// <summary>The <c>job show --json</c> document: the job and its history.</summary>
public sealed record JobDetailView(JobView Job, IReadOnlyList<JobRecord> History);
