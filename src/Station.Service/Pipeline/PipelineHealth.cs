namespace Station.Service.Pipeline;

/// <summary>
/// Whether the pipeline loop is alive: it beats on every turn (busy or idle). The watchdog pings systemd only while
/// the last beat is recent and the last turn did not end in an unexpected error.
/// </summary>
public sealed class PipelineHealth(TimeProvider clock)
{
    public static readonly TimeSpan MaxSilence = TimeSpan.FromSeconds(60);

    private long _lastBeatTicks;
    private volatile string? _error;

    public void Beat() => Interlocked.Exchange(ref _lastBeatTicks, clock.GetUtcNow().UtcTicks);

    public void ReportError(string? error) => _error = error;

    public string? LastError => _error;

    /// <summary>Set when the pipeline cannot run at all (e.g. the stock identity is broken); the service exits non-zero.</summary>
    public string? Fatal { get; set; }

    public bool IsHealthy
    {
        get
        {
            var last = Interlocked.Read(ref _lastBeatTicks);
            return last != 0 && _error is null && Fatal is null && clock.GetUtcNow().UtcTicks - last <= MaxSilence.Ticks;
        }
    }
}
