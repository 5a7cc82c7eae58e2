using System.Text.Json;
using Station.Personalization.Applicants;
using Station.Service.Hosting;
using Station.Service.Storage;

namespace Station.Service.Jobs;

/// <summary>
/// The one implementation of <see cref="IStationControl"/>: intake validation, idempotent submission by
/// applicationId and content hash, cancellation, and the pause switch the pipeline obeys. A new job and a resume wake
/// the pipeline through <see cref="WorkSignal"/>.
/// </summary>
public sealed class StationControl(StationDatabase database, JobStore store, IApplicantIntake intake, WorkSignal work) : IStationControl
{
    private volatile bool _paused;

    public bool IsPaused => _paused;

    public SubmitOutcome Submit(string applicantJson, string source)
    {
        ArgumentNullException.ThrowIfNull(applicantJson);
        var result = intake.Validate(applicantJson);
        if (!result.IsValid)
        {
            var errors = result.Errors.Count > 0 ? result.Errors : [new FieldError("$", "the applicant document is not valid")];
            return new SubmitOutcome(false, null, false, errors, $"The applicant document has {errors.Count} error(s); nothing was stored.");
        }

        var applicant = result.Applicant!;
        var hash = ApplicantContentHash.Compute(applicantJson);
        var validated = JsonSerializer.Serialize(applicant, ApplicantSnapshot.Options);
        var outcome = database.InTransaction(() =>
        {
            if (store.FindByApplicationId(applicant.ApplicationId) is { } existing)
            {
                return existing.ContentHash == hash
                    ? new SubmitOutcome(true, existing.Id, true, [], null)
                    : new SubmitOutcome(false, existing.Id, false, [new FieldError("applicationId", $"{applicant.ApplicationId} was already submitted with different content (job {existing.Id})")],
                        $"applicationId {applicant.ApplicationId} was already submitted with different content (job {existing.Id}); use a new applicationId or cancel that job.");
            }

            var job = store.Insert(applicant.ApplicationId, hash, applicantJson, validated, source);
            return new SubmitOutcome(true, job.Id, false, [], null);
        });
        if (outcome is { Accepted: true, AlreadyExisted: false })
        {
            work.Signal(); // after the commit: the woken pipeline must find the job
        }

        return outcome;
    }

    public CancelOutcome Cancel(string jobId)
    {
        try
        {
            store.Change(jobId, change =>
            {
                // Checked inside the change, so the pipeline cannot move the job into Printing in between.
                if (change.Job.State == JobState.Printing)
                {
                    throw new JobBeingPrintedException();
                }

                change.Cancel("Cancelled by operator.");
            });
            return new CancelOutcome(true, null);
        }
        catch (JobBeingPrintedException)
        {
            // The printed card leaves for the output tray in a moment: cancelling now would leave a card issued to
            // a cancelled job, with the stock saying it was spoiled.
            return new CancelOutcome(false, $"Job {jobId} is being printed and can no longer be cancelled: its card is issued in a moment (void that card if it must not be handed over).");
        }
        catch (JobAlreadyEndedException e)
        {
            return new CancelOutcome(false, $"Job {jobId} has already ended ({e.State}).");
        }
        catch (KeyNotFoundException)
        {
            return new CancelOutcome(false, $"No job with id {jobId}.");
        }
    }

    public void Pause() => _paused = true;

    public void Resume()
    {
        _paused = false;
        work.Signal();
    }

    /// <summary>Refuses a cancel from inside the job's change, which it rolls back.</summary>
    private sealed class JobBeingPrintedException : Exception;
}
