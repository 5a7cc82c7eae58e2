using System.Text.Json.Nodes;
using Station.Service.Events;

namespace Station.Service.Center.Outbox;

/// <summary>
/// The stored form of a <see cref="StationEvent"/> on the <c>events</c> topic: one flat object,
/// <c>{"eventId","type","time", …the event's own fields}</c>; <c>seq</c> and <c>historical</c> are added when
/// published. Flat rather than under a <c>data</c> member: the wrapper cost 9 bytes on every message.
/// The event sink uses this so events look the same whoever stores them.
/// </summary>
public static class OutboxEvents
{
    /// <summary>Members of the envelope; an event's own fields may not use these names.</summary>
    public static readonly IReadOnlySet<string> EnvelopeMembers = new HashSet<string>(StringComparer.Ordinal) { "eventId", "type", "time", "seq", "historical" };

    public static string ToPayload(StationEvent stationEvent)
    {
        ArgumentNullException.ThrowIfNull(stationEvent);
        var json = new JsonObject
        {
            ["eventId"] = stationEvent.EventId,
            ["type"] = stationEvent.Type,
            ["time"] = WireTime.Format(stationEvent.Time),
        };
        foreach (var (name, value) in stationEvent.Data)
        {
            if (EnvelopeMembers.Contains(name))
                throw new ArgumentException($"Event {stationEvent.Type}: field '{name}' would overwrite the envelope member of that name.", nameof(stationEvent));
            json[name] = value?.DeepClone();
        }

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
