using Microsoft.Extensions.Options;
using Station.Devices.Camera;
using Station.Devices.Fingerprint;
using Station.Personalization.Biometrics;
using Station.Service.Jobs;

namespace Station.Service.Pipeline;

/// <summary>
/// Queued and Capturing: the portrait and the two index fingers, skipping what the applicant brought and what an
/// earlier run already stored, then on to Preparing. Each capture is stored with its outcome, so a crash never
/// repeats a finished capture; the start of capturing is committed with the first intent.
/// </summary>
public sealed class CaptureStep(
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
        var actions = runner.Begin(job.Id);
        Action<JobChange>? start = job.State == JobState.Queued ? change => change.MoveTo(JobState.Capturing) : null;
        if (applicant.Photo is null && !artifacts.Has(job.Id, JobArtifacts.Portrait))
        {
            if (await TryAsync(actions, start, DeviceActions.CameraCapture, null,
                    () => camera.CaptureJpegAsync(cancellationToken),
                    (change, jpeg) => artifacts.Put(change.Job.Id, JobArtifacts.Portrait, jpeg), cancellationToken) is { } stopped)
            {
                return stopped;
            }

            start = null;
        }

        if (applicant.Fingerprints is not { Count: > 0 })
        {
            foreach (var position in Fingers.Where(p => !artifacts.Has(job.Id, JobArtifacts.Finger(p))))
            {
                if (await TryAsync(actions, start, DeviceActions.FingerprintCapture, position.ToString(),
                        () => fingerprints.CaptureAsync(position, cancellationToken),
                        (change, image) => artifacts.PutFinger(change.Job.Id, image), cancellationToken) is { } stopped)
                {
                    return stopped;
                }

                start = null;
            }
        }

        actions.Commit(change =>
        {
            start?.Invoke(change);
            change.MoveTo(JobState.Preparing);
        });
        return StepResult.Continue;
    }

    /// <summary>Runs one capture: null when it succeeded, else how the job was left after the fault was recorded.</summary>
    private async Task<StepResult?> TryAsync<T>(DeviceActionSequence actions, Action<JobChange>? start, string action, string? detail,
        Func<Task<T>> capture, Action<JobChange, T> keep, CancellationToken cancellationToken)
    {
        try
        {
            await actions.RunAsync(action, detail, change =>
            {
                start?.Invoke(change);
                change.CountAttempt(JobState.Capturing);
            }, capture, keep);
            return null;
        }
        catch (Exception e) when (SpoilReasons.IsStepFault(e))
        {
            var failed = actions.Commit(change =>
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
