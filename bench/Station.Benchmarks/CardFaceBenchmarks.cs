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

    private byte[] rgbRows = null!;

    [GlobalSetup(Targets = [nameof(ZlibNgFastest), nameof(ZlibNgLevel1Rle), nameof(ZlibNgLevel1), nameof(ZlibNgLevel2), nameof(ZlibNgLevel3)])]
    public void SetupRows()
    {
        Setup();
        // What a PNG's IDAT compresses for an RGB image without row filters: a 0 byte, then the row's RGB bytes.
        var pixels = front.GetPixelSpan();
        rgbRows = new byte[front.Height * (1 + (3 * front.Width))];
        var at = 0;
        for (var y = 0; y < front.Height; y++)
        {
            rgbRows[at++] = 0;
            for (var x = 0; x < front.Width; x++)
            {
                var p = ((y * front.Width) + x) * 4;
                rgbRows[at++] = pixels[p];
                rgbRows[at++] = pixels[p + 1];
                rgbRows[at++] = pixels[p + 2];
            }
        }
    }

    [Benchmark(Description = "Front IDAT: .NET zlib-ng, Fastest")]
    public long ZlibNgFastest() => Deflate(new System.IO.Compression.ZLibCompressionOptions { CompressionLevel = 1 }, fastest: true);

    [Benchmark(Description = "Front IDAT: .NET zlib-ng, level 1")]
    public long ZlibNgLevel1() => Deflate(new System.IO.Compression.ZLibCompressionOptions { CompressionLevel = 1 }, fastest: false);

    [Benchmark(Description = "Front IDAT: .NET zlib-ng, level 2")]
    public long ZlibNgLevel2() => Deflate(new System.IO.Compression.ZLibCompressionOptions { CompressionLevel = 2 }, fastest: false);

    [Benchmark(Description = "Front IDAT: .NET zlib-ng, level 3")]
    public long ZlibNgLevel3() => Deflate(new System.IO.Compression.ZLibCompressionOptions { CompressionLevel = 3 }, fastest: false);

    [Benchmark(Description = "Front IDAT: .NET zlib-ng, level 1, RLE")]
    public long ZlibNgLevel1Rle() => Deflate(new System.IO.Compression.ZLibCompressionOptions { CompressionLevel = 1, CompressionStrategy = System.IO.Compression.ZLibCompressionStrategy.RunLengthEncoding }, fastest: false);

    private long Deflate(System.IO.Compression.ZLibCompressionOptions options, bool fastest)
    {
        using var output = new MemoryStream();
        using (var zlib = fastest
            ? new System.IO.Compression.ZLibStream(output, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true)
            : new System.IO.Compression.ZLibStream(output, options, leaveOpen: true))
        {
            zlib.Write(rgbRows);
        }

        return output.Length;
    }

    [Benchmark(Description = "Card faces: render both sides")]
    public int Render()
    {
        var faces = CardFaceRenderer.Render(applicant, mrz, portrait, profile);
        return faces.FrontPng.Length + faces.BackPng.Length;
    }

    [Benchmark(Description = "Front PNG: PngWriter (zlib-ng level 2), as the renderer writes it")]
    public long PngWriterFace()
    {
        using var pixels = front.PeekPixels();
        return Station.Personalization.Imaging.PngWriter.EncodeRgb(pixels, Station.Personalization.Imaging.PngWriter.FaceLevel).Length;
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
