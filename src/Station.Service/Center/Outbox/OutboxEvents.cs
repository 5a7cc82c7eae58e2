using System.Text.Json.Nodes;
using Station.Service.Events;

namespace Station.Service.Center.Outbox;

/// <summary>
/// The stored form of a <see cref="StationEvent"/> on the <c>events</c> topic:
/// <c>{"eventId","type","time","data"}</c>; <c>seq</c> and <c>historical</c> are added when published.
/// The event sink uses this so events look the same whoever stores them.
/// </summary>
public static class OutboxEvents
{
    public static string ToPayload(StationEvent stationEvent)
    {
        ArgumentNullException.ThrowIfNull(stationEvent);
        var json = new JsonObject
        {
            ["eventId"] = stationEvent.EventId,
            ["type"] = stationEvent.Type,
            ["time"] = IsoTime.Format(stationEvent.Time),
            ["data"] = stationEvent.Data.DeepClone(),
        };
        return CenterJson.ToText(json);
    }

    /// <summary>Appends an event to the outbox (for callers outside a job-store transaction, e.g. alarms).</summary>
    public static long Append(OutboxStore store, StationEvent stationEvent)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(stationEvent);
        return store.Append(OutboxStore.EventKind, CenterTopics.EventsLevel, ToPayload(stationEvent), stationEvent.Time.UtcDateTime);
    }
}
