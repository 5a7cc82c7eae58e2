namespace Station.Service.Center.Session;

/// <summary>
/// The Sparkplug message sequence: 0 on the birth of each connection, then +1 per published message, wrapping
/// after 255, so the center detects a gap.
/// </summary>
public sealed class MessageSequence
{
    private int _next;

    /// <summary>Starts a new session; the next number handed out is 0 (the birth's).</summary>
    public void Reset() => Interlocked.Exchange(ref _next, 0);

    public int Next() => (Interlocked.Increment(ref _next) - 1) & 0xFF;
}
