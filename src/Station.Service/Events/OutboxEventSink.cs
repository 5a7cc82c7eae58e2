using System.Text.Json.Nodes;
using Station.Service.Outbox;
using Station.Service.Storage;

namespace Station.Service.Events;

/// <summary>
/// Writes events into the <c>outbox</c> collection, where the center link picks them up. Called inside a job
/// transaction, the insert joins that transaction (LiteDB transactions belong to the thread), so a state change
/// and its event are committed together or not at all.
/// </summary>
public sealed class OutboxEventSink(StationDatabase database, TimeProvider clock) : IEventSink
{
    public void Emit(StationEvent stationEvent)
    {
        ArgumentNullException.ThrowIfNull(stationEvent);
        var payload = new JsonObject
        {
            ["eventId"] = stationEvent.EventId,
            ["type"] = stationEvent.Type,
            ["time"] = stationEvent.Time.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["data"] = stationEvent.Data.DeepClone(),
        };
        database.Outbox.Insert(new OutboxMessage
        {
            Kind = "event",
            Topic = "events",
            Payload = payload.ToJsonString(),
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        });
    }

    /// <summary>Builds and emits an event with a fresh id.</summary>
    public static void Emit(IEventSink sink, TimeProvider clock, string type, JsonObject data)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(clock);
        sink.Emit(new StationEvent(Guid.NewGuid().ToString("N"), type, clock.GetUtcNow(), data));
    }
}
