using Station.Personalization.Biometrics;
using Station.Personalization.Chip;
using Station.Personalization.Signing;
using Station.Service.Jobs;

namespace Station.Service.Pipeline;

/// <summary>
/// Preparing: builds the signed chip image and starts drawing the card face from the applicant and the stored
/// biometrics. Preparing touches no device, so it commits nothing itself: the move to Encoding is committed with the
/// first card action's intent (<see cref="EnterEncoding"/>). The same inputs give the same card except for the
/// per-card keys, which are new on every preparation and live only in <see cref="PreparedCardCache"/>. A signer
/// outage makes the job wait and raises one alarm.
/// </summary>
public sealed class PrepareStep(
    JobStore store,
    JobArtifacts artifacts,
    IChipDataBuilder builder,
    ICardFaceRenderer renderer,
    PreparedCardCache cache,
    AlarmRaiser alarms)
{
    public const string SignerAlarm = "SignerUnavailable";

    /// <summary>The job's prepared card: from memory, or prepared now (new keys when it had been prepared before a restart).</summary>
    public (PreparedCard? Card, StepResult Result) GetOrPrepare(Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (cache.TryGet(job.Id, out var cached))
        {
            return (cached, StepResult.Continue);
        }

        var (card, result) = TryPrepare(job);
        if (card is not null && job.State != JobState.Preparing)
        {
            store.Change(job.Id, change => change.Outcome("prepare.redo", DeviceActions.Ok, "chip image prepared again with new per-card keys after a restart"));
        }

        return (card, result);
    }

    /// <summary>Part of the first card action's intent: a job still in Preparing moves on to Encoding.</summary>
    public static void EnterEncoding(JobChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Job.State == JobState.Preparing)
        {
            change.MoveTo(JobState.Encoding);
        }
    }

    private (PreparedCard? Card, StepResult Result) TryPrepare(Job job)
    {
        var applicant = ApplicantSnapshot.Read(job);
        var portrait = applicant.Photo ?? artifacts.Get(job.Id, JobArtifacts.Portrait)
            ?? throw new InvalidDataException($"Job {job.Id} reached preparation without a portrait.");
        IReadOnlyList<FingerImage> fingers = applicant.Fingerprints is { Count: > 0 } given
            ? given
            : CaptureStep.Fingers.Select(p => artifacts.GetFinger(job.Id, p) ?? throw new InvalidDataException($"Job {job.Id} reached preparation without its {p} image.")).ToList();

        ChipImage chip;
        try
        {
            chip = builder.Build(applicant, new BiometricCapture(portrait, fingers));
        }
        catch (SignerUnavailableException e)
        {
            alarms.Raise(SignerAlarm, AlarmRaiser.Critical, "signer", $"The document signer is unavailable, jobs wait in Preparing: {e.Message}");
            return (null, StepResult.Waiting);
        }
        catch (ChipDataException e)
        {
            store.Change(job.Id, change => change.Fail(e.Reason, e.Message));
            return (null, StepResult.Ended);
        }

        alarms.Clear(SignerAlarm);
        // The face is needed only at Printing: it is drawn on another core while the chip is written and verified.
        var face = Task.Run(() => renderer.Render(applicant, chip, portrait));
        var card = new PreparedCard(chip, face);
        cache.Set(job.Id, card);
        return (card, StepResult.Continue);
    }
}
