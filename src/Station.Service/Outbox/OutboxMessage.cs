namespace Station.Service.Outbox;

/// <summary>
/// One message waiting to be published to the center, stored in the LiteDB collection <c>outbox</c>.
/// <see cref="Id"/> is a monotonically increasing sequence (publish order). A message is deleted only
/// after the broker acknowledged it (PUBACK).
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    /// <summary><c>event</c> or <c>telemetry</c>; telemetry may be thinned when the outbox is over budget, events never.</summary>
    public string Kind { get; set; } = "event";
    /// <summary>Topic below <c>station/{stationId}/</c>, e.g. <c>events</c>.</summary>
    public string Topic { get; set; } = "events";
    /// <summary>The JSON payload without the per-publish fields (<c>seq</c>, <c>historical</c>), which are added when sent.</summary>
    public string Payload { get; set; } = "{}";
    public DateTime CreatedUtc { get; set; }
}
