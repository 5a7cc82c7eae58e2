using System.Globalization;
using System.Security.Cryptography;
using Station.Benchmarks.Inputs;
using Station.Personalization.Chip;
using Station.Personalization.Signing;

namespace Station.Benchmarks.CpuTime;

/// <summary>
/// <c>Station.Benchmarks cputime</c>: the median CPU time of the calling thread per chip-data operation (40 calls after
/// 5 warm-up calls each). A cross-check of the BenchmarkDotNet wall-clock medians when other builds share the cores.
/// The key pool's own thread is not counted: that work is off the card's path by design.
/// </summary>
internal static class CpuTimeReport
{
    private const int WarmUp = 5, Calls = 40;

    public static int Run()
    {
        using var fixture = new ChipDataFixture();
        var factory = new ChipKeyFactory();
        using var pool = new ChipKeyPool(factory);
        var inlineSoftware = new ChipDataBuilder(fixture.Profiles, fixture.SoftwareSigner, factory, fixture.Clock);
        var inlineToken = new ChipDataBuilder(fixture.Profiles, fixture.Token.Signer, factory, fixture.Clock);
        var pooledSoftware = new ChipDataBuilder(fixture.Profiles, fixture.SoftwareSigner, pool, fixture.Clock);
        var pooledToken = new ChipDataBuilder(fixture.Profiles, fixture.Token.Signer, pool, fixture.Clock);
        var (applicant, biometrics) = (fixture.Card.Applicant, fixture.Card.Biometrics);
        byte[] hash = SHA256.HashData("EF.SOD signed attributes"u8);

        Console.WriteLine($"{"Operation (thread CPU time)",-42} {"median ms",10}");
        Report("Build+sign software DS (inline keygen)", () => inlineSoftware.Build(applicant, biometrics));
        Report("Build+sign SoftHSM2 DS (inline keygen)", () => inlineToken.Build(applicant, biometrics));
        Report("Build+sign software DS (key pool)", () => pooledSoftware.Build(applicant, biometrics), () => WaitFull(pool));
        Report("Build+sign SoftHSM2 DS (key pool)", () => pooledToken.Build(applicant, biometrics), () => WaitFull(pool));
        Report("Raw ECDSA sign software", () => fixture.SoftwareSigner.SignHash(hash, HashAlgorithmName.SHA256));
        Report("Raw ECDSA sign SoftHSM2", () => fixture.Token.Signer.SignHash(hash, HashAlgorithmName.SHA256));
        Report("ChipKeyFactory.Create", () => factory.Create());
        return 0;
    }

    private static void WaitFull(ChipKeyPool pool)
    {
        if (!pool.WaitUntilFull(TimeSpan.FromMinutes(1)))
            throw new InvalidOperationException($"The chip key pool did not refill: {pool.Failure?.Message ?? "timeout"}.");
    }

    private static void Report(string name, Func<object> operation, Action? beforeEach = null)
    {
        var samples = new double[Calls];
        for (int i = -WarmUp; i < Calls; i++)
        {
            beforeEach?.Invoke();
            var start = ThreadCpuClock.Now();
            GC.KeepAlive(operation());
            if (i >= 0) samples[i] = (ThreadCpuClock.Now() - start).TotalMilliseconds;
        }
        Array.Sort(samples);
        double median = (samples[Calls / 2 - 1] + samples[Calls / 2]) / 2;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-42} {median,10:F3}"));
    }
}
