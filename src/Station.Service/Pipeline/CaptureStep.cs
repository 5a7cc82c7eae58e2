using Microsoft.Extensions.Options;
using Station.Devices.Camera;
using Station.Devices.Fingerprint;
using Station.Personalization.Biometrics;
using Station.Service.Jobs;

namespace Station.Service.Pipeline;

/// <summary>
/// Capturing: the portrait and the two index fingers, skipping what the applicant brought and what an earlier
/// run already stored. Each capture is stored with its outcome, so a crash never repeats a finished capture.
/// </summary>
public sealed class CaptureStep(
    JobStore store,
    JobArtifacts artifacts,
    DeviceActionRunner runner,
    ICamera camera,
    IFingerprintSensor fingerprints,
    IOptions<PipelineOptions> options)
{
    public static readonly FingerPosition[] Fingers = [FingerPosition.RightIndex, FingerPosition.LeftIndex];

    public async Task<StepResult> RunAsync(Job job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var applicant = ApplicantSnapshot.Read(job);
        if (applicant.Photo is null && !artifacts.Has(job.Id, JobArtifacts.Portrait))
        {
            return await TryAsync(job, DeviceActions.CameraCapture, null,
                () => camera.CaptureJpegAsync(cancellationToken),
                (change, jpeg) => artifacts.Put(change.Job.Id, JobArtifacts.Portrait, jpeg), cancellationToken);
        }

        if (applicant.Fingerprints is not { Count: > 0 })
        {
            foreach (var position in Fingers.Where(p => !artifacts.Has(job.Id, JobArtifacts.Finger(p))))
            {
                return await TryAsync(job, DeviceActions.FingerprintCapture, position.ToString(),
                    () => fingerprints.CaptureAsync(position, cancellationToken),
                    (change, image) => artifacts.PutFinger(change.Job.Id, image), cancellationToken);
            }
        }

        store.Change(job.Id, change => change.MoveTo(JobState.Preparing));
        return StepResult.Continue;
    }

    private async Task<StepResult> TryAsync<T>(Job job, string action, string? detail, Func<Task<T>> capture, Action<JobChange, T> keep, CancellationToken cancellationToken)
    {
        try
        {
            await runner.RunAsync(job.Id, action, detail, change => change.CountAttempt(JobState.Capturing), capture, keep);
            return StepResult.Continue;
        }
        catch (Exception e) when (SpoilReasons.IsStepFault(e))
        {
            var failed = store.Change(job.Id, change =>
            {
                change.Outcome(action, DeviceActions.Fault, e.Message);
                if (DeviceActionRunner.FailuresAt(change.Job, JobState.Capturing) >= options.Value.CaptureAttempts)
                {
                    change.Fail("CaptureFailed", $"Capture failed {options.Value.CaptureAttempts} times; last: {e.Message}");
                }
            });
            if (failed.IsEnded)
            {
                return StepResult.Ended;
            }

            await Task.Delay(options.Value.RetryDelayMs, cancellationToken);
            return StepResult.Continue;
        }
    }
}
