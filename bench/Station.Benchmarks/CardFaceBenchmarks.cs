using BenchmarkDotNet.Attributes;
using SkiaSharp;
using Station.Benchmarks.Inputs;
using Station.Personalization.Applicants;
using Station.Personalization.CardFace;
using Station.Personalization.Mrz;
using Station.Personalization.Profiles;

namespace Station.Benchmarks;

/// <summary>
/// The printed card's two 1012×638 faces as the preparation step renders them (both sides, PNG included), and what
/// the PNG encode of one face costs with other settings. Run alone: <c>--filter '*CardFace*'</c>.
/// </summary>
[Config(typeof(ShortRunConfig))]
public class CardFaceBenchmarks
{
    private Applicant applicant = null!;
    private IReadOnlyList<string> mrz = null!;
    private byte[] portrait = null!;
    private CountryProfile profile = null!;
    private SKBitmap front = null!;

    [GlobalSetup]
    public void Setup()
    {
        var profiles = ProfileRegistry.Load();
        var card = new SampleCard(profiles, FixedClock.IssueDay);
        applicant = card.Applicant;
        profile = profiles.Get(applicant.Profile);
        mrz = Td1MrzBuilder.Build(applicant, profile).Lines;
        portrait = card.Biometrics.FaceJpeg;
        // In the renderer's own pixel layout, so the encodes below only reinterpret it (RGB: the fourth byte is ignored).
        using var decoded = SKBitmap.Decode(CardFaceRenderer.Render(applicant, mrz, portrait, profile).FrontPng);
        front = decoded.Copy(SKColorType.Rgba8888);
    }

    [GlobalCleanup]
    public void Cleanup() => front.Dispose();

    [Benchmark(Description = "Card faces: render both sides")]
    public int Render()
    {
        var faces = CardFaceRenderer.Render(applicant, mrz, portrait, profile);
        return faces.FrontPng.Length + faces.BackPng.Length;
    }

    [Benchmark(Description = "Front PNG: RGBA, Up, zlib 1")]
    public long PngRgbaUp1() => Encode(SKColorType.Rgba8888, SKAlphaType.Premul, SKPngEncoderFilterFlags.Up, 1);

    [Benchmark(Description = "Front PNG: RGB, Up, zlib 1")]
    public long PngRgbUp1() => Encode(SKColorType.Rgb888x, SKAlphaType.Opaque, SKPngEncoderFilterFlags.Up, 1);

    [Benchmark(Description = "Front PNG: RGB, no filter, zlib 1")]
    public long PngRgbNone1() => Encode(SKColorType.Rgb888x, SKAlphaType.Opaque, SKPngEncoderFilterFlags.None, 1);

    [Benchmark(Description = "Front PNG: RGB, Sub, zlib 1")]
    public long PngRgbSub1() => Encode(SKColorType.Rgb888x, SKAlphaType.Opaque, SKPngEncoderFilterFlags.Sub, 1);

    [Benchmark(Description = "Front PNG: RGB, no filter, zlib 0 (stored)")]
    public long PngRgbNone0() => Encode(SKColorType.Rgb888x, SKAlphaType.Opaque, SKPngEncoderFilterFlags.None, 0);

    private long Encode(SKColorType colorType, SKAlphaType alphaType, SKPngEncoderFilterFlags filter, int zlibLevel)
    {
        using var pixels = new SKPixmap(new SKImageInfo(front.Width, front.Height, colorType, alphaType), front.GetPixels());
        using var data = pixels.Encode(new SKPngEncoderOptions(filter, zlibLevel))
            ?? throw new InvalidOperationException($"SkiaSharp could not encode a {colorType} card face as PNG.");
        return data.Size;
    }
}
