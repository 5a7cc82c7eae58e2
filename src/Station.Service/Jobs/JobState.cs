namespace Station.Service.Jobs;

/// <summary>Where a job is. The last three are final: a job reaches exactly one of them, exactly once.</summary>
public enum JobState
{
    Queued,
    Capturing,
    Preparing,
    Encoding,
    Verifying,
    Printing,
    Completed,
    Failed,
    Cancelled,
}
