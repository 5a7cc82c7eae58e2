using System.Buffers.Binary;
using SkiaSharp;
using Station.Personalization.Imaging;

namespace Station.Personalization.Tests.Imaging;

public sealed class PngWriterTests
{
    [Theory]
    [InlineData(SKColorType.Rgba8888)]
    [InlineData(SKColorType.Bgra8888)]
    public void ThePngDecodesToTheSamePixels(SKColorType colorType)
    {
        using var source = Pattern(colorType, 301, 77);

        var png = PngWriter.EncodeRgb(source.PeekPixels(), PngWriter.FaceLevel);

        // libpng (inside Skia) checks every chunk's CRC and the zlib stream's Adler-32 as it decodes.
        using var decoded = SKBitmap.Decode(png) ?? throw new InvalidDataException("Skia could not decode the PNG.");
        using var expected = source.Copy(SKColorType.Rgba8888);
        using var actual = decoded.Copy(SKColorType.Rgba8888);
        Assert.Equal((301, 77), (actual.Width, actual.Height));
        Assert.Equal(expected.GetPixelSpan().ToArray(), actual.GetPixelSpan().ToArray());
    }

    [Fact]
    public void TheHeaderSaysEightBitRgbWithoutInterlace()
    {
        using var source = Pattern(SKColorType.Rgba8888, 5, 3);
        var png = PngWriter.EncodeRgb(source.PeekPixels(), 1);

        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], png[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        Assert.Equal((5, 3), (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20))));
        Assert.Equal([8, 2, 0, 0, 0], png[24..29]);
        Assert.Equal("IEND", System.Text.Encoding.ASCII.GetString(png, png.Length - 8, 4));
    }

    [Fact]
    public void AGrayImageWithTheSubFilterDecodesToTheSamePixels()
    {
        var pixels = TestSupport.TestImages.Gray8Ridges(61, 45);

        var png = PngWriter.EncodeGray(pixels, 61, 45, PngWriter.FingerLevel);

        Assert.Equal(0, png[25]); // colour type: grayscale
        using var decoded = SKBitmap.Decode(png) ?? throw new InvalidDataException("Skia could not decode the PNG.");
        using var gray = decoded.Copy(SKColorType.Gray8);
        Assert.Equal(pixels, gray.GetPixelSpan().ToArray());
    }

    [Fact]
    public void GrayPixelsThatDoNotFillTheSizeAreRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => PngWriter.EncodeGray(new byte[10], 4, 3, 1));
        Assert.Contains("4x3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PixelsThatAreNotEightBitColourAreRefusedNamingTheirType()
    {
        using var gray = new SKBitmap(new SKImageInfo(4, 4, SKColorType.Gray8, SKAlphaType.Opaque));
        var error = Assert.Throws<ArgumentException>(() => PngWriter.EncodeRgb(gray.PeekPixels(), 1));
        Assert.Contains("Gray8", error.Message, StringComparison.Ordinal);
    }

    private static SKBitmap Pattern(SKColorType colorType, int width, int height)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, colorType, SKAlphaType.Opaque));
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                bitmap.SetPixel(x, y, new SKColor((byte)(x * 7), (byte)(y * 13), (byte)((x * y) + 5)));
            }
        }

        return bitmap;
    }
}
