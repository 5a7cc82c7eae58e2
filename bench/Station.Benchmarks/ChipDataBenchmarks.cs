using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Station.Benchmarks.Inputs;
using Station.Personalization.Biometrics;
using Station.Personalization.Chip;
using Station.Personalization.Lds;
using Station.Personalization.Signing;

namespace Station.Benchmarks;

/// <summary>
/// Issue 3 "Performance": build and sign one card's chip data with the keys generated inline (the budget is a median
/// of 5 ms with a software DS key, 10 ms with the DS key in SoftHSM2), and each costly part measured alone.
/// These run in a tight loop; <see cref="ChipDataPerCardBenchmarks"/> measures one card at a time, with and without the key pool.
/// </summary>
[Config(typeof(ShortRunConfig))]
public class ChipDataBenchmarks
{
    private static readonly byte[] Hash = SHA256.HashData("EF.SOD signed attributes"u8);

    private ChipDataFixture fixture = null!;
    private ChipDataBuilder softwareBuilder = null!;
    private ChipDataBuilder tokenBuilder = null!;
    private ChipDataBuilder pooledSoftwareBuilder = null!;
    private ChipDataBuilder pooledTokenBuilder = null!;
    private ChipKeyPool keyPool = null!;
    private ChipKeyFactory keyFactory = null!;
    private PortraitEncoder portraitEncoder = null!;
    private Dictionary<int, byte[]> dataGroups = null!;

    [GlobalSetup]
    public void Setup()
    {
        fixture = new ChipDataFixture();
        keyFactory = new ChipKeyFactory();
        softwareBuilder = new ChipDataBuilder(fixture.Profiles, fixture.SoftwareSigner, keyFactory, fixture.Clock);
        tokenBuilder = new ChipDataBuilder(fixture.Profiles, fixture.Token.Signer, keyFactory, fixture.Clock);
        // As in the station: keys made ahead on the other core by the pool.
        keyPool = new ChipKeyPool(new ChipKeyFactory());
        keyPool.WaitUntilFull(TimeSpan.FromSeconds(10));
        pooledSoftwareBuilder = new ChipDataBuilder(fixture.Profiles, fixture.SoftwareSigner, keyPool, fixture.Clock);
        pooledTokenBuilder = new ChipDataBuilder(fixture.Profiles, fixture.Token.Signer, keyPool, fixture.Clock);
        int budget = fixture.Profiles.Get(fixture.Card.Applicant.Profile).PortraitBudgetBytes;
        portraitEncoder = new PortraitEncoder(PortraitBudget.Default with { MaxBytes = budget });
        dataGroups = softwareBuilder.Build(fixture.Card.Applicant, fixture.Card.Biometrics).Files
            .Where(f => f.Name.StartsWith("DG", StringComparison.Ordinal))
            .ToDictionary(f => int.Parse(f.Name[2..], System.Globalization.CultureInfo.InvariantCulture), f => f.Content);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        keyPool.Dispose();
        fixture.Dispose();
    }

    [Benchmark(Description = "Build+sign software DS (inline keygen)")]
    public ChipImage BuildAndSignSoftware() => softwareBuilder.Build(fixture.Card.Applicant, fixture.Card.Biometrics);

    [Benchmark(Description = "Build+sign SoftHSM2 DS (inline keygen)")]
    public ChipImage BuildAndSignSoftHsm() => tokenBuilder.Build(fixture.Card.Applicant, fixture.Card.Biometrics);

    [Benchmark(Description = "Build+sign software DS (key pool)")]
    public ChipImage BuildAndSignSoftwarePooled() => pooledSoftwareBuilder.Build(fixture.Card.Applicant, fixture.Card.Biometrics);

    [Benchmark(Description = "Build+sign SoftHSM2 DS (key pool)")]
    public ChipImage BuildAndSignSoftHsmPooled() => pooledTokenBuilder.Build(fixture.Card.Applicant, fixture.Card.Biometrics);

    [Benchmark(Description = "Raw ECDSA sign software")]
    public byte[] RawSignSoftware() => fixture.SoftwareSigner.SignHash(Hash, HashAlgorithmName.SHA256);

    [Benchmark(Description = "Raw ECDSA sign SoftHSM2")]
    public byte[] RawSignSoftHsm() => fixture.Token.Signer.SignHash(Hash, HashAlgorithmName.SHA256);

    [Benchmark(Description = "ChipKeyFactory.Create")]
    public ChipKeyPairs ChipKeys() => keyFactory.Create();

    private readonly byte[] grainyPortrait = Inputs.FacePortrait.Jpeg();

    [Benchmark(Description = "Portrait within budget (decode check only)")]
    public byte[] Portrait() => portraitEncoder.Encode(fixture.Card.Biometrics.FaceJpeg);

    [Benchmark(Description = "Portrait re-encoding (grainy capture over budget)")]
    public byte[] PortraitReencoded() => portraitEncoder.Encode(grainyPortrait);

    [Benchmark(Description = "Build+sign software DS, grainy capture re-encoded")]
    public ChipImage BuildAndSignGrainy() => softwareBuilder.Build(fixture.Card.Applicant, fixture.Card.WithGrainyPortrait());

    [Benchmark(Description = "DG3 with two fingers (PNG)")]
    public byte[] FingersDg3() => Dg3File.FromImages(fixture.Card.Biometrics.Fingers).Encode();

    [Benchmark(Description = "SOD build software DS")]
    public byte[] Sod() => SodBuilder.Build(dataGroups, fixture.SoftwareSigner, fixture.Clock.GetUtcNow());
}
