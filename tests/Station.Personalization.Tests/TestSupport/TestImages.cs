using SkiaSharp;

namespace Station.Personalization.Tests.TestSupport;

/// <summary>Synthetic images for the biometric tests, made with SkiaSharp so no binary fixtures are needed.</summary>
internal static class TestImages
{
    /// <summary>A smooth gradient portrait: compresses well.</summary>
    public static byte[] GradientJpeg(int width, int height, int quality = 95)
    {
        using var bitmap = new SKBitmap(width, height);
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
                bitmap.SetPixel(x, y, new SKColor((byte)(x * 255 / width), (byte)(y * 255 / height), 128));
        return Encode(bitmap, quality);
    }

    /// <summary>Random noise: JPEG cannot compress it, so it cannot meet a small budget.</summary>
    public static byte[] NoiseJpeg(int width, int height, int seed = 1)
    {
        var random = new Random(seed);
        using var bitmap = new SKBitmap(width, height);
        var pixel = new byte[3];
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
            {
                random.NextBytes(pixel);
                bitmap.SetPixel(x, y, new SKColor(pixel[0], pixel[1], pixel[2]));
            }
        return Encode(bitmap, 100);
    }

    public static byte[] Gray8Ridges(int width, int height)
    {
        var pixels = new byte[width * height];
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
                pixels[y * width + x] = (byte)(128 + 100 * Math.Sin((x + y * 0.5) / 3.0));
        return pixels;
    }

    private static byte[] Encode(SKBitmap bitmap, int quality)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, quality);
        return data.ToArray();
    }
}
