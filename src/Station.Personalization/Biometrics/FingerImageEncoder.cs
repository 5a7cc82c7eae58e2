using SkiaSharp;

namespace Station.Personalization.Biometrics;

/// <summary>Turns a captured 8-bit grayscale finger image into a single-view ISO/IEC 19794-4 record with lossless PNG (code 5).</summary>
public static class FingerImageEncoder
{
    public static FingerRecord ToRecord(FingerImage finger)
    {
        ArgumentNullException.ThrowIfNull(finger);
        if (finger.Width <= 0 || finger.Height <= 0 || finger.Width > ushort.MaxValue || finger.Height > ushort.MaxValue)
            throw new ArgumentException($"Finger {finger.Position}: size {finger.Width}x{finger.Height} is not valid.", nameof(finger));
        if (finger.Gray8Pixels.Length != finger.Width * finger.Height)
            throw new ArgumentException($"Finger {finger.Position}: {finger.Gray8Pixels.Length} pixel bytes for {finger.Width}x{finger.Height}.", nameof(finger));
        if (finger.Ppi <= 0 || finger.Ppi > ushort.MaxValue)
            throw new ArgumentException($"Finger {finger.Position}: resolution {finger.Ppi} ppi is not valid.", nameof(finger));

        var resolution = (ushort)finger.Ppi;
        return new FingerRecord
        {
            ScanResolutionHorizontal = resolution,
            ScanResolutionVertical = resolution,
            ImageResolutionHorizontal = resolution,
            ImageResolutionVertical = resolution,
            Compression = FingerImageCompression.Png,
            Images = [new FingerImageInfo
            {
                Position = finger.Position,
                Quality = finger.Quality,
                Width = (ushort)finger.Width,
                Height = (ushort)finger.Height,
                ImageData = EncodePng(finger),
            }],
        };
    }

    /// <summary>Decodes the PNG of a record view back to 8-bit grayscale pixels.</summary>
    public static byte[] DecodeGray8(byte[] png)
    {
        using var bitmap = SKBitmap.Decode(png) ?? throw new FormatException("Finger image: the PNG cannot be decoded.");
        using var gray = new SKBitmap(new SKImageInfo(bitmap.Width, bitmap.Height, SKColorType.Gray8, SKAlphaType.Opaque));
        if (!bitmap.CopyTo(gray, SKColorType.Gray8) && !bitmap.ScalePixels(gray, SKSamplingOptions.Default))
            throw new FormatException("Finger image: the PNG cannot be converted to 8-bit grayscale.");
        return gray.Bytes;
    }

    private static byte[] EncodePng(FingerImage finger) =>
        Imaging.PngWriter.EncodeGray(finger.Gray8Pixels, finger.Width, finger.Height, Imaging.PngWriter.FingerLevel);
}
