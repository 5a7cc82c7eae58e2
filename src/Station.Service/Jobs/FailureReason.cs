namespace Station.Service.Jobs;

/// <summary>Why a job failed or was cancelled: a stable <see cref="Code"/> for machines and a message for people.</summary>
public sealed class FailureReason
{
    public string Code { get; set; } = "";
    public string Message { get; set; } = "";
}
