using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Station.Benchmarks.Inputs;
using Station.Personalization.Biometrics;
using Station.Personalization.Chip;
using Station.Personalization.Pki;
using Station.Personalization.Profiles;
using Station.Personalization.Signing;

namespace Station.Benchmarks;

/// <summary>
/// Issue 3 "Performance": build and sign one card's chip data (the budget is a median of 5 ms with a software DS key
/// and 10 ms with the DS key in SoftHSM2), and the parts of it measured alone so the cost of each is visible.
/// </summary>
[Config(typeof(ShortRunConfig))]
public class ChipDataBenchmarks
{
    private static readonly ProfileRegistry Profiles = ProfileRegistry.Load();
    private static readonly byte[] Sha256OfSomething = SHA256.HashData("EF.SOD signed attributes"u8);

    private SampleCard card = null!;
    private FileDocumentSigner softwareSigner = null!;
    private SoftHsmToken token = null!;
    private ChipDataBuilder softwareBuilder = null!;
    private ChipDataBuilder tokenBuilder = null!;
    private ChipKeyFactory keyFactory = null!;
    private PortraitEncoder portraitEncoder = null!;
    private Dictionary<int, byte[]> dataGroups = null!;

    [GlobalSetup]
    public void Setup()
    {
        var clock = FixedClock.IssueDay;
        card = new SampleCard(Profiles, clock);
        var pki = TestPkiFactory.CreateSoftware(clock.GetUtcNow());
        // The file signer's development-only warning is expected here.
        softwareSigner = FileDocumentSigner.FromPem(pki.DocumentSignerKeyPem!, pki.DocumentSigner.ExportCertificatePem(), _ => { });
        token = new SoftHsmToken(clock.GetUtcNow());
        keyFactory = new ChipKeyFactory();
        softwareBuilder = new ChipDataBuilder(Profiles, softwareSigner, keyFactory, clock);
        tokenBuilder = new ChipDataBuilder(Profiles, token.Signer, keyFactory, clock);
        portraitEncoder = new PortraitEncoder(PortraitBudget.Default with { MaxBytes = Profiles.Get(card.Applicant.Profile).PortraitBudgetBytes });
        dataGroups = softwareBuilder.Build(card.Applicant, card.Biometrics).Files
            .Where(f => f.Name.StartsWith("DG", StringComparison.Ordinal))
            .ToDictionary(f => int.Parse(f.Name[2..], System.Globalization.CultureInfo.InvariantCulture), f => f.Content);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        softwareSigner.Dispose();
        token.Dispose();
    }

    [Benchmark(Description = "Build+sign, software DS key")]
    public ChipImage BuildAndSignSoftware() => softwareBuilder.Build(card.Applicant, card.Biometrics);

    [Benchmark(Description = "Build+sign, SoftHSM2 DS key")]
    public ChipImage BuildAndSignSoftHsm() => tokenBuilder.Build(card.Applicant, card.Biometrics);

    [Benchmark(Description = "Raw ECDSA sign, software")]
    public byte[] RawSignSoftware() => softwareSigner.SignHash(Sha256OfSomething, HashAlgorithmName.SHA256);

    [Benchmark(Description = "Raw ECDSA sign, SoftHSM2")]
    public byte[] RawSignSoftHsm() => token.Signer.SignHash(Sha256OfSomething, HashAlgorithmName.SHA256);

    [Benchmark(Description = "ChipKeyFactory.Create")]
    public ChipKeyPairs ChipKeys() => keyFactory.Create();

    [Benchmark(Description = "Portrait re-encoding")]
    public byte[] Portrait() => portraitEncoder.Encode(card.Biometrics.FaceJpeg);

    [Benchmark(Description = "SOD build, software DS key")]
    public byte[] Sod() => SodBuilder.Build(dataGroups, softwareSigner, FixedClock.IssueDay.GetUtcNow());
}
