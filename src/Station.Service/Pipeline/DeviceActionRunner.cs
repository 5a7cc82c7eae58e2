using Station.Service.Jobs;

namespace Station.Service.Pipeline;

/// <summary>
/// The durability rule for device actions: the intent (with any change that belongs before it) is committed before
/// the device acts, the outcome (with what the action produced) after. <see cref="Begin"/> hands out a
/// <see cref="DeviceActionSequence"/> that commits each outcome together with the job's next change, because nothing
/// between the two touches a device. Each commit beats <see cref="PipelineHealth"/>: a job that takes minutes (slow
/// devices, retries with new cards) is progress, not a hang, for the systemd watchdog.
/// </summary>
public sealed class DeviceActionRunner(JobStore store, PipelineHealth health)
{
    /// <summary>Starts a sequence of actions on one job; call <see cref="DeviceActionSequence.Commit"/> to end it.</summary>
    public DeviceActionSequence Begin(string jobId) => new(store, jobId, health.Beat);

    /// <summary>Failed device actions recorded while the job was in <paramref name="step"/> (interruptions do not count).</summary>
    public static int FailuresAt(Job job, JobState step)
    {
        ArgumentNullException.ThrowIfNull(job);
        // A failed reject is the printer's trouble after the step's failure, not one more failure of the step.
        return job.History.Count(r => r.Kind == JobRecordKind.Outcome && r.Result == DeviceActions.Fault && r.State == step && r.Action != DeviceActions.PrinterReject);
    }
}
