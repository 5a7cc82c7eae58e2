using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Station.Service.Center;
using Station.Service.Center.Outbox;
using Station.Service.Jobs;
using Station.Service.Storage;

namespace Station.Service.Events;

/// <summary>
/// Writes events into the <c>outbox</c> collection, where the center link picks them up, in the one payload shape
/// of the <c>events</c> topic (<see cref="OutboxEvents.ToPayload"/>). Called inside a job transaction, the insert
/// joins that transaction (LiteDB transactions belong to the thread), so a state change and its event are
/// committed together or not at all. A <c>JobStateChanged</c> into a state left out of
/// <see cref="EventOptions.ReportedJobStates"/> is not written.
/// </summary>
public sealed class OutboxEventSink(StationDatabase database, OutboxStore outbox, TimeProvider clock, IOptions<EventOptions> options) : IEventSink
{
    /// <summary>Random bytes in an event id: 96 bits make a collision across all stations' lifetimes negligible.</summary>
    public const int EventIdBytes = 12;

    private readonly IReadOnlySet<JobState> _reported = options.Value.Reported();

    public void Emit(StationEvent stationEvent)
    {
        ArgumentNullException.ThrowIfNull(stationEvent);
        if (!Reports(stationEvent))
        {
            return;
        }

        void Insert() => outbox.Insert(OutboxStore.EventKind, CenterTopics.EventsLevel, OutboxEvents.ToPayload(stationEvent), clock.GetUtcNow().UtcDateTime);
        if (database.InTransactionOnThisThread)
        {
            Insert();
        }
        else
        {
            // An event of its own (an alarm): a transaction of its own, so that it is on the disk like a job's.
            database.InTransaction(Insert);
        }

        // The center link's drainer sleeps until told; it can read the event only once the job's transaction is committed.
        database.AfterCommit(outbox.NotifyAppended);
    }

    private bool Reports(StationEvent stationEvent) =>
        stationEvent.Type != EventTypes.JobStateChanged
        || (Enum.TryParse<JobState>(stationEvent.Data["state"]?.GetValue<string>(), out var state) && _reported.Contains(state));

    /// <summary>Builds and emits an event with a fresh id (<see cref="NewEventId"/>).</summary>
    public static void Emit(IEventSink sink, TimeProvider clock, string type, JsonObject data)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(clock);
        sink.Emit(new StationEvent(NewEventId(), type, clock.GetUtcNow(), data));
    }

    /// <summary>
    /// A new event id: <see cref="EventIdBytes"/> random bytes as base64url (16 characters, half a GUID's 32 hex),
    /// stored with the event, so it stays the same across every retry.
    /// </summary>
    public static string NewEventId()
    {
        Span<byte> bytes = stackalloc byte[EventIdBytes];
        RandomNumberGenerator.Fill(bytes);
        return Base64Url.EncodeToString(bytes);
    }
}
