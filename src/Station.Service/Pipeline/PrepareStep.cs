using Station.Personalization.Biometrics;
using Station.Personalization.Chip;
using Station.Personalization.Signing;
using Station.Service.Jobs;

namespace Station.Service.Pipeline;

/// <summary>
/// Preparing: builds the signed chip image and the card face from the applicant and the stored biometrics.
/// The same inputs give the same card except for the per-card keys, which are new on every preparation and
/// live only in <see cref="PreparedCardCache"/>. A signer outage makes the job wait and raises one alarm.
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

    /// <summary>Runs the Preparing state: prepare, keep the public chip image, move on to Encoding.</summary>
    public StepResult Run(Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var (card, result) = TryPrepare(job);
        if (card is null)
        {
            return result;
        }

        store.Change(job.Id, change =>
        {
            artifacts.Put(job.Id, JobArtifacts.ChipImage, StoredChipImage.From(card.Chip).ToJsonBytes());
            change.MoveTo(JobState.Encoding);
        });
        return StepResult.Continue;
    }

    /// <summary>The job's prepared card: from memory, or prepared again (new keys) after a restart.</summary>
    public (PreparedCard? Card, StepResult Result) GetOrPrepare(Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (cache.TryGet(job.Id, out var cached))
        {
            return (cached, StepResult.Continue);
        }

        var (card, result) = TryPrepare(job);
        if (card is not null)
        {
            store.Change(job.Id, change =>
            {
                artifacts.Put(job.Id, JobArtifacts.ChipImage, StoredChipImage.From(card.Chip).ToJsonBytes());
                change.Outcome("prepare.redo", DeviceActions.Ok, "chip image prepared again with new per-card keys after a restart");
            });
        }

        return (card, result);
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
        var card = new PreparedCard(chip, renderer.Render(applicant, chip, portrait));
        cache.Set(job.Id, card);
        return (card, StepResult.Continue);
    }
}
