using Station.Service.Jobs;

namespace Station.Service.Pipeline;

/// <summary>
/// One job's device actions in a row, with as few commits as the durability rule allows: an action's outcome is not
/// committed on its own but with the job's next change (the next action's intent, a transition, the end). Every
/// device action still starts only after its intent and every earlier outcome are committed; a crash before that
/// leaves the intent open, and start-up recovery resolves it as before. Not thread-safe: one sequence per job run.
/// </summary>
public sealed class DeviceActionSequence
{
    private readonly JobStore _store;
    private readonly Action _committed;
    private Action<JobChange>? _pendingOutcome;

    internal DeviceActionSequence(JobStore store, string jobId, Action committed)
    {
        _store = store;
        _committed = committed;
        JobId = jobId;
    }

    public string JobId { get; }

    /// <summary>
    /// Commits the pending outcome with the intent (and <paramref name="withIntent"/>), lets the device act, and keeps
    /// the outcome (with <paramref name="withOutcome"/>) for the next commit. A device that throws leaves nothing pending.
    /// </summary>
    public async Task<T> RunAsync<T>(string action, string? detail, Action<JobChange>? withIntent, Func<Task<T>> device, Action<JobChange, T>? withOutcome)
    {
        ArgumentNullException.ThrowIfNull(device);
        Commit(change =>
        {
            withIntent?.Invoke(change);
            change.Intent(action, detail);
        });
        var result = await device();
        _pendingOutcome = change =>
        {
            change.Outcome(action, DeviceActions.Ok, detail);
            withOutcome?.Invoke(change, result);
        };
        return result;
    }

    /// <inheritdoc cref="RunAsync{T}"/>
    public Task RunAsync(string action, string? detail, Action<JobChange>? withIntent, Func<Task> device, Action<JobChange>? withOutcome = null) =>
        RunAsync<bool>(action, detail, withIntent, async () =>
        {
            await device();
            return true;
        }, withOutcome is null ? null : (change, _) => withOutcome(change));

    /// <summary>Commits the pending outcome, if any, and <paramref name="change"/> in one transaction.</summary>
    public Job Commit(Action<JobChange>? change = null)
    {
        var pending = _pendingOutcome;
        var job = _store.Change(JobId, c =>
        {
            pending?.Invoke(c);
            change?.Invoke(c);
        });
        _pendingOutcome = null; // only once committed: a refused change (e.g. an empty hopper) keeps it for the next
        _committed();
        return job;
    }
}
