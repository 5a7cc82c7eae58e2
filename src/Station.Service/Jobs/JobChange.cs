using System.Text.Json.Nodes;
using Station.Service.Events;
using Station.Service.Stock;

namespace Station.Service.Jobs;

/// <summary>
/// The changes one transaction makes to one job: history entries, a transition, taking, issuing or spoiling its card,
/// and the events that go with them. Handed out only by <see cref="JobStore.Change"/>, which commits it as a whole.
/// </summary>
public sealed class JobChange
{
    private readonly CardStock _stock;
    private readonly IEventSink _events;
    private readonly TimeProvider _clock;

    internal JobChange(Job job, CardStock stock, IEventSink events, TimeProvider clock)
    {
        Job = job;
        _stock = stock;
        _events = events;
        _clock = clock;
    }

    public Job Job { get; }

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    /// <summary>Records that a device action is about to start.</summary>
    public void Intent(string action, string? detail = null) => Add(JobRecordKind.Intent, action, null, detail);

    /// <summary>Records how a device action ended: <c>ok</c>, <c>fault</c> or <c>interrupted</c>.</summary>
    public void Outcome(string action, string result, string? detail = null) => Add(JobRecordKind.Outcome, action, result, detail);

    public void CountAttempt(JobState step) => Job.Attempts[step.ToString()] = Job.AttemptsAt(step) + 1;

    /// <summary>Moves the job to a non-final state and emits <c>JobStateChanged</c>.</summary>
    public void MoveTo(JobState next, string? detail = null)
    {
        if (next is JobState.Completed or JobState.Failed or JobState.Cancelled)
        {
            throw new ArgumentException($"Use Complete, Fail or Cancel to end a job, not MoveTo({next}).", nameof(next));
        }

        Transition(next, detail);
    }

    /// <summary>Takes the next blank card from the hopper for this job.</summary>
    public CardRecord TakeCard()
    {
        if (Job.CardSerial is not null && _stock.Find(Job.CardSerial) is { State: CardState.InUse })
        {
            throw new InvalidOperationException($"Job {Job.Id} already holds card {Job.CardSerial}; spoil or issue it first.");
        }

        var card = _stock.TakeNext(Job.Id);
        Job.CardSerial = card.Serial;
        return card;
    }

    /// <summary>True when the job holds a card that is still in use.</summary>
    public bool HoldsCard => Job.CardSerial is { } serial && _stock.Find(serial) is { State: CardState.InUse } card && card.JobId == Job.Id;

    /// <summary>The record <see cref="ReturnCard"/> adds.</summary>
    public const string CardReturnAction = "card.return";

    /// <summary>Puts the card the job holds back in the hopper (the printer never moved it); the job lets go of it.</summary>
    public void ReturnCard(string detail)
    {
        if (!HoldsCard)
        {
            return;
        }

        _stock.ReturnToHopper(Job.CardSerial!, Job.Id);
        Add(JobRecordKind.Outcome, CardReturnAction, CardState.InHopper.ToString(), detail);
        Job.CardSerial = null;
    }

    /// <summary>Spoils the card the job holds (if any) with <paramref name="reason"/>; the job lets go of it.</summary>
    public void SpoilCard(string reason, string detail)
    {
        if (!HoldsCard)
        {
            return;
        }

        _stock.Spoil(Job.CardSerial!, reason, detail);
        Add(JobRecordKind.Outcome, "card.spoil", reason, detail);
        Job.CardSerial = null;
    }

    /// <summary>Issues the held card and ends the job Completed.</summary>
    public void Complete()
    {
        var serial = Job.CardSerial ?? throw new InvalidOperationException($"Job {Job.Id} holds no card to issue.");
        _stock.Issue(serial, Job.Id);
        Transition(JobState.Completed, null);
        Emit(EventTypes.JobCompleted, new JsonObject { ["jobId"] = Job.Id, ["applicationId"] = Job.ApplicationId, ["cardSerial"] = serial });
    }

    /// <summary>Ends the job Failed; a card it still holds is spoiled with <paramref name="cardReason"/>. <c>JobFailed</c> names the state it failed in.</summary>
    public void Fail(string code, string message, string cardReason = SpoilReason.Interrupted)
    {
        SpoilCard(cardReason, message);
        Job.FailureReason = new FailureReason { Code = code, Message = message };
        var state = Job.State;
        Transition(JobState.Failed, message);
        Emit(EventTypes.JobFailed, new JsonObject { ["jobId"] = Job.Id, ["applicationId"] = Job.ApplicationId, ["state"] = state.ToString(), ["reason"] = code, ["message"] = message });
    }

    /// <summary>Ends the job Cancelled; a card it still holds is spoiled <c>Cancelled</c>. <c>JobCancelled</c> names the state it was in.</summary>
    public void Cancel(string message)
    {
        SpoilCard(SpoilReason.Cancelled, message);
        Job.FailureReason = new FailureReason { Code = "Cancelled", Message = message };
        var state = Job.State;
        Transition(JobState.Cancelled, message);
        Emit(EventTypes.JobCancelled, new JsonObject { ["jobId"] = Job.Id, ["applicationId"] = Job.ApplicationId, ["state"] = state.ToString(), ["message"] = message });
    }

    public void Emit(string type, JsonObject data) => OutboxEventSink.Emit(_events, _clock, type, data);

    private void Transition(JobState next, string? detail)
    {
        if (Job.IsEnded)
        {
            throw new JobAlreadyEndedException(Job.Id, Job.State);
        }

        var previous = Job.State;
        Job.State = next;
        if (Job.IsEnded)
        {
            Job.EndedUtc = Now;
        }

        Add(JobRecordKind.Transition, $"{previous}→{next}", null, detail);
        // A final state is stated by JobCompleted/JobFailed/JobCancelled itself; repeating it would cost bytes on the wire.
        if (!Job.IsEnded)
        {
            Emit(EventTypes.JobStateChanged, new JsonObject { ["jobId"] = Job.Id, ["state"] = next.ToString() });
        }
    }

    private void Add(JobRecordKind kind, string action, string? result, string? detail) => Job.History.Add(new JobRecord
    {
        TimeUtc = Now,
        Kind = kind,
        State = Job.State,
        Action = action,
        Result = result,
        CardSerial = Job.CardSerial,
        Detail = detail,
    });
}
