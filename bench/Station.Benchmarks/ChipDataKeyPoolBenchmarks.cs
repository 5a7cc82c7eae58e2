using BenchmarkDotNet.Attributes;
using Station.Benchmarks.Inputs;
using Station.Personalization.Chip;

namespace Station.Benchmarks;

/// <summary>
/// Build and sign one card's chip data as the station runs it: keys from a <see cref="ChipKeyPool"/> that is full
/// when the card starts (between real cards there are seconds to refill). Its thread starts refilling during the
/// measured call, competing for the two cores as it would on the station.
/// </summary>
[Config(typeof(SingleCallConfig))]
public class ChipDataKeyPoolBenchmarks
{
    private static readonly TimeSpan RefillPatience = TimeSpan.FromMinutes(1);

    private ChipDataFixture fixture = null!;
    private ChipKeyPool pool = null!;
    private ChipDataBuilder softwareBuilder = null!;
    private ChipDataBuilder tokenBuilder = null!;

    [GlobalSetup]
    public void Setup()
    {
        fixture = new ChipDataFixture();
        pool = new ChipKeyPool(new ChipKeyFactory());
        softwareBuilder = new ChipDataBuilder(fixture.Profiles, fixture.SoftwareSigner, pool, fixture.Clock);
        tokenBuilder = new ChipDataBuilder(fixture.Profiles, fixture.Token.Signer, pool, fixture.Clock);
    }

    [IterationSetup]
    public void WaitForFullPool()
    {
        if (!pool.WaitUntilFull(RefillPatience))
            throw new InvalidOperationException($"The chip key pool did not refill within {RefillPatience}: {pool.Failure?.Message ?? "no error"}.");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        pool.Dispose();
        fixture.Dispose();
    }

    [Benchmark(Description = "Build+sign software DS (key pool)")]
    public ChipImage BuildAndSignSoftware() => softwareBuilder.Build(fixture.Card.Applicant, fixture.Card.Biometrics);

    [Benchmark(Description = "Build+sign SoftHSM2 DS (key pool)")]
    public ChipImage BuildAndSignSoftHsm() => tokenBuilder.Build(fixture.Card.Applicant, fixture.Card.Biometrics);
}
