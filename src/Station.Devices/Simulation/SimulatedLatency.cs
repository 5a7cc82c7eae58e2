namespace Station.Devices.Simulation;

/// <summary>How long each simulated device operation takes; zero means no delay at all (not even a yield).</summary>
public sealed record SimulatedLatency(TimeSpan PerOperation)
{
    public static SimulatedLatency None { get; } = new(TimeSpan.Zero);

    public static SimulatedLatency FromMilliseconds(int milliseconds) => new(TimeSpan.FromMilliseconds(milliseconds));

    public Task WaitAsync(CancellationToken cancellationToken) =>
        PerOperation <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(PerOperation, cancellationToken);
}
