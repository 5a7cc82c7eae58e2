namespace Station.Service.Jobs;

/// <summary>One entry of a job's history: a state transition, or the intent or outcome of a device action.</summary>
public sealed class JobRecord
{
    public DateTime TimeUtc { get; set; }
    public JobRecordKind Kind { get; set; }
    /// <summary>The job state when the entry was written (for a transition: the new state).</summary>
    public JobState State { get; set; }
    /// <summary>For intents and outcomes: the device action (see <c>DeviceActions</c>); for transitions: <c>from→to</c>.</summary>
    public string Action { get; set; } = "";
    /// <summary>For outcomes: <c>ok</c>, <c>fault</c> or <c>interrupted</c>.</summary>
    public string? Result { get; set; }
    public string? CardSerial { get; set; }
    public string? Detail { get; set; }
}
