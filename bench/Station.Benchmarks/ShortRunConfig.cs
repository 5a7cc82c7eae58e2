using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Perfolizer.Horology;

namespace Station.Benchmarks;

/// <summary>
/// A short job (3 warm-up and 10 measured iterations of 250 ms) so the chip-data suite stays well under three
/// minutes on the station's two cores.
/// </summary>
public sealed class ShortRunConfig : ManualConfig
{
    public ShortRunConfig() => AddJob(Job.Default
        .WithWarmupCount(3)
        .WithIterationCount(10)
        .WithIterationTime(TimeInterval.FromMilliseconds(250))
        .WithEvaluateOverhead(false) // microseconds of harness against milliseconds of work
        .WithId("Short"));
}
