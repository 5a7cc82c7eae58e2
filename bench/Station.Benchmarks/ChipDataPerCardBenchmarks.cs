using BenchmarkDotNet.Attributes;
using Station.Benchmarks.Inputs;
using Station.Personalization.Chip;

namespace Station.Benchmarks;

/// <summary>
/// Build and sign one card's chip data one card at a time, as the station works: before each call the key pool is
/// full and the thread has idled briefly (between real cards there are seconds). Keys inline from
/// <see cref="ChipKeyFactory"/> against keys from a <see cref="ChipKeyPool"/>, whose thread starts refilling during
/// the measured call and competes for the two cores as it would on the station.
/// </summary>
/// <remarks>
/// The idle pause is the same for every variant. It also matters on a shared machine: a thread that has just woken
/// gets the core sooner than one that computes without pause (<see cref="ChipDataBenchmarks"/>'s loop), so under load
/// these medians sit nearer the CPU time than the loop's do.
/// </remarks>
[Config(typeof(SingleCallConfig))]
public class ChipDataPerCardBenchmarks
{
    private static readonly TimeSpan RefillPatience = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan BetweenCards = TimeSpan.FromMilliseconds(10);

    private ChipDataFixture fixture = null!;
    private ChipKeyPool pool = null!;
    private ChipDataBuilder inlineSoftware = null!;
    private ChipDataBuilder inlineToken = null!;
    private ChipDataBuilder pooledSoftware = null!;
    private ChipDataBuilder pooledToken = null!;

    [GlobalSetup]
    public void Setup()
    {
        fixture = new ChipDataFixture();
        var factory = new ChipKeyFactory();
        pool = new ChipKeyPool(factory);
        inlineSoftware = new ChipDataBuilder(fixture.Profiles, fixture.SoftwareSigner, factory, fixture.Clock);
        inlineToken = new ChipDataBuilder(fixture.Profiles, fixture.Token.Signer, factory, fixture.Clock);
        pooledSoftware = new ChipDataBuilder(fixture.Profiles, fixture.SoftwareSigner, pool, fixture.Clock);
        pooledToken = new ChipDataBuilder(fixture.Profiles, fixture.Token.Signer, pool, fixture.Clock);
    }

    [IterationSetup]
    public void BetweenTwoCards()
    {
        if (!pool.WaitUntilFull(RefillPatience))
            throw new InvalidOperationException($"The chip key pool did not refill within {RefillPatience}: {pool.Failure?.Message ?? "no error"}.");
        Thread.Sleep(BetweenCards);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        pool.Dispose();
        fixture.Dispose();
    }

    [Benchmark(Description = "Per card: software DS (inline keygen)")]
    public ChipImage InlineSoftware() => inlineSoftware.Build(fixture.Card.Applicant, fixture.Card.Biometrics);

    [Benchmark(Description = "Per card: SoftHSM2 DS (inline keygen)")]
    public ChipImage InlineSoftHsm() => inlineToken.Build(fixture.Card.Applicant, fixture.Card.Biometrics);

    [Benchmark(Description = "Per card: software DS (key pool)")]
    public ChipImage PooledSoftware() => pooledSoftware.Build(fixture.Card.Applicant, fixture.Card.Biometrics);

    [Benchmark(Description = "Per card: SoftHSM2 DS (key pool)")]
    public ChipImage PooledSoftHsm() => pooledToken.Build(fixture.Card.Applicant, fixture.Card.Biometrics);
}
