using BenchmarkDotNet.Attributes;
using SkiaSharp;
using Station.Benchmarks.Inputs;
using Station.Personalization.Biometrics;

namespace Station.Benchmarks;

/// <summary>
/// Where the two image steps of the chip build spend their time, and what other SkiaSharp settings would cost:
/// the portrait (decode 480×640 JPEG, scale to 420 high, JPEG encodes until it fits 20 KB) and a finger's lossless
/// PNG for DG3 (the encoder's default zlib level against faster ones). Run alone: <c>--filter '*ImageEncoding*'</c>.
/// </summary>
[Config(typeof(ShortRunConfig))]
public class ImageEncodingBenchmarks
{
    private byte[] portraitJpeg = null!;
    private SKBitmap decodedPortrait = null!;
    private SKBitmap scaledPortrait = null!;
    private SKBitmap finger = null!;

    [GlobalSetup]
    public void Setup()
    {
        portraitJpeg = FacePortrait.Jpeg();
        decodedPortrait = SKBitmap.Decode(portraitJpeg);
        scaledPortrait = decodedPortrait.Resize(new SKImageInfo(315, PortraitBudget.Default.MaxHeight), new SKSamplingOptions(SKCubicResampler.Mitchell));
        var image = FingerImages.IndexFingers()[0];
        finger = new SKBitmap(new SKImageInfo(image.Width, image.Height, SKColorType.Gray8, SKAlphaType.Opaque));
        System.Runtime.InteropServices.Marshal.Copy(image.Gray8Pixels, 0, finger.GetPixels(), image.Gray8Pixels.Length);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        decodedPortrait.Dispose();
        scaledPortrait.Dispose();
        finger.Dispose();
    }

    [Benchmark(Description = "Portrait: decode 480x640 JPEG")]
    public int DecodePortrait()
    {
        using var bitmap = SKBitmap.Decode(portraitJpeg);
        return bitmap.Width;
    }

    [Benchmark(Description = "Portrait: scale to 315x420 Mitchell")]
    public int ScalePortraitCubic() => Scale(new SKSamplingOptions(SKCubicResampler.Mitchell));

    [Benchmark(Description = "Portrait: scale to 315x420 linear+mipmaps")]
    public int ScalePortraitMipmaps() => Scale(new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));

    [Benchmark(Description = "Portrait: scale to 315x420 linear")]
    public int ScalePortraitLinear() => Scale(new SKSamplingOptions(SKFilterMode.Linear));

    [Benchmark(Description = "Portrait: one JPEG encode q90")]
    public long EncodePortraitOnce()
    {
        using var data = scaledPortrait.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.Size;
    }

    [Benchmark(Description = "Portrait: encoder steps to fit 20 KB")]
    public int PortraitEncodes() => new PortraitEncoder().Encode(portraitJpeg).Length;

    [Benchmark(Description = "Finger PNG as DG3 does it")]
    public long FingerPngDefault()
    {
        using var data = finger.Encode(SKEncodedImageFormat.Png, 100);
        return data.Size;
    }

    [Benchmark(Description = "Finger PNG zlib 1 all filters")]
    public long FingerPngFast() => EncodeFinger(new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, 1));

    [Benchmark(Description = "Finger PNG zlib 6 Sub filter only")]
    public long FingerPngOneFilter() => EncodeFinger(new SKPngEncoderOptions(SKPngEncoderFilterFlags.Sub, 6));

    private int Scale(SKSamplingOptions sampling)
    {
        using var scaled = decodedPortrait.Resize(new SKImageInfo(315, 420), sampling);
        return scaled.Width;
    }

    private long EncodeFinger(SKPngEncoderOptions options)
    {
        using var pixmap = finger.PeekPixels();
        using var data = pixmap.Encode(options) ?? throw new InvalidOperationException("SkiaSharp could not encode the finger as PNG.");
        return data.Size;
    }
}
