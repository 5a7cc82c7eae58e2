namespace Station.Service.Center.Session;

/// <summary>
/// Exponential backoff with jitter: after the n-th failure in a row the delay is uniform in [c/2, c] with
/// c = min(max, initial·2ⁿ), so a fleet of stations does not reconnect in lock-step after a broker restart,
/// and no station retries in a tight loop.
/// </summary>
public sealed class ReconnectBackoff(TimeSpan initial, TimeSpan max, Random random)
{
    private int _failures;

    public TimeSpan NextDelay()
    {
        var ceiling = Math.Min(max.TotalMilliseconds, initial.TotalMilliseconds * Math.Pow(2, Math.Min(_failures, 30)));
        _failures++;
        return TimeSpan.FromMilliseconds(ceiling / 2 + random.NextDouble() * ceiling / 2);
    }

    /// <summary>Call after a successful connect.</summary>
    public void Reset() => _failures = 0;
}
