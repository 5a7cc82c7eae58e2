namespace Station.Service.Events;

/// <summary>The <see cref="StationEvent.Type"/> values the station emits.</summary>
public static class EventTypes
{
    public const string JobAccepted = nameof(JobAccepted);
    public const string JobStateChanged = nameof(JobStateChanged);
    public const string JobCompleted = nameof(JobCompleted);
    public const string JobFailed = nameof(JobFailed);
    public const string JobCancelled = nameof(JobCancelled);
    public const string CardSpoiled = nameof(CardSpoiled);
    public const string Alarm = nameof(Alarm);
}
