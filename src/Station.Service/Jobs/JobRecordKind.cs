namespace Station.Service.Jobs;

/// <summary>
/// Kinds of entries in a job's history. An <see cref="Intent"/> is written before a device acts and an
/// <see cref="Outcome"/> after; a job whose last entry is an intent was interrupted mid-action.
/// </summary>
public enum JobRecordKind
{
    Transition,
    Intent,
    Outcome,
}
