namespace Station.Service.Jobs;

/// <summary>A change was asked of a job that has already ended; ended jobs never change again.</summary>
public sealed class JobAlreadyEndedException(string jobId, JobState state)
    : InvalidOperationException($"Job {jobId} has already ended ({state}); it cannot change any more.")
{
    public string JobId { get; } = jobId;
    public JobState State { get; } = state;
}
