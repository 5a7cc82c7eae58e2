using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace Station.Benchmarks;

/// <summary>
/// One call per iteration (30 measured, 5 warm-up), for benchmarks whose state must be restored between calls by
/// an <c>[IterationSetup]</c>, e.g. a key pool refilled before each card as it is between real cards.
/// </summary>
public sealed class SingleCallConfig : ManualConfig
{
    public SingleCallConfig() => AddJob(Job.Default
        .WithWarmupCount(5)
        .WithIterationCount(30)
        .WithInvocationCount(1)
        .WithUnrollFactor(1)
        .WithEvaluateOverhead(false)
        .WithId("SingleCall"));
}
