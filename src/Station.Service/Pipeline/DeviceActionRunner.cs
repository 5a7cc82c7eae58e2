using Station.Service.Jobs;

namespace Station.Service.Pipeline;

/// <summary>
/// The durability rule for one device action: commit the intent (with any change that belongs before it), let the
/// device act, then commit the outcome (with what the action produced). A crash in between leaves the intent open,
/// which start-up recovery resolves.
/// </summary>
public sealed class DeviceActionRunner(JobStore store)
{
    public async Task<T> RunAsync<T>(string jobId, string action, string? detail, Action<JobChange>? withIntent, Func<Task<T>> device, Action<JobChange, T>? withOutcome)
    {
        ArgumentNullException.ThrowIfNull(device);
        store.Change(jobId, change =>
        {
            withIntent?.Invoke(change);
            change.Intent(action, detail);
        });
        var result = await device();
        store.Change(jobId, change =>
        {
            change.Outcome(action, DeviceActions.Ok, detail);
            withOutcome?.Invoke(change, result);
        });
        return result;
    }

    public Task RunAsync(string jobId, string action, string? detail, Action<JobChange>? withIntent, Func<Task> device, Action<JobChange>? withOutcome) =>
        RunAsync<bool>(jobId, action, detail, withIntent, async () =>
        {
            await device();
            return true;
        }, withOutcome is null ? null : (change, _) => withOutcome(change));

    /// <summary>Failed device actions recorded while the job was in <paramref name="step"/> (interruptions do not count).</summary>
    public static int FailuresAt(Job job, JobState step)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.History.Count(r => r.Kind == JobRecordKind.Outcome && r.Result == DeviceActions.Fault && r.State == step);
    }
}
