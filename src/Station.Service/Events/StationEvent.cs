using System.Text.Json.Nodes;

namespace Station.Service.Events;

/// <summary>
/// Something the center must hear about: a job lifecycle step (<c>JobAccepted</c>, <c>JobStateChanged</c>,
/// <c>JobCompleted</c>, <c>JobFailed</c>, <c>CardSpoiled</c>) or an <c>Alarm</c>.
/// <see cref="EventId"/> is unique and stays the same across retries, so the center can drop duplicates.
/// </summary>
public sealed record StationEvent(string EventId, string Type, DateTimeOffset Time, JsonObject Data);
