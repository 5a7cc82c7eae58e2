namespace Station.Service.Center.Outbox;

/// <summary>How much waits in the outbox: messages, payload bytes, and when the oldest was created (UTC).</summary>
public sealed record OutboxBacklog(long Count, long Bytes, DateTime? OldestCreatedUtc)
{
    /// <summary>Age of the oldest message at <paramref name="nowUtc"/>, zero when the outbox is empty.</summary>
    public TimeSpan OldestAge(DateTime nowUtc) =>
        OldestCreatedUtc is { } oldest && nowUtc > oldest ? nowUtc - oldest : TimeSpan.Zero;
}
