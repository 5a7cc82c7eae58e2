using Station.Personalization.Applicants;

namespace Station.Service.Jobs;

/// <summary>
/// What the command line and the center link may ask of the station. One implementation, so a job
/// submitted over MQTT is validated and stored exactly as one submitted with <c>station job submit</c>.
/// </summary>
public interface IStationControl
{
    /// <summary>Validates and stores an applicant document; the same applicationId with the same content returns the existing job.</summary>
    SubmitOutcome Submit(string applicantJson, string source);

    /// <summary>Cancels a job that has not ended; returns false with a reason when it cannot.</summary>
    CancelOutcome Cancel(string jobId);

    /// <summary>Stops starting new jobs (the current one finishes); <see cref="Resume"/> undoes it.</summary>
    void Pause();
    void Resume();
    bool IsPaused { get; }
}

/// <summary>Result of <see cref="IStationControl.Submit"/>: accepted (new or existing job) or rejected with field errors or a message.</summary>
public sealed record SubmitOutcome(bool Accepted, string? JobId, bool AlreadyExisted, IReadOnlyList<FieldError> Errors, string? Error);

/// <summary>Result of <see cref="IStationControl.Cancel"/>.</summary>
public sealed record CancelOutcome(bool Cancelled, string? Error);
