using SkiaSharp;
using Station.Personalization.Chip;

namespace Station.Personalization.Biometrics;

/// <summary>
/// Re-encodes a captured portrait to the chip's size budget: decode the JPEG, scale it down to the budget's
/// height, then step the JPEG quality down until the result fits.
/// </summary>
public sealed class PortraitEncoder(PortraitBudget budget)
{
    public PortraitEncoder() : this(PortraitBudget.Default) { }

    /// <summary>Returns a baseline JPEG no larger than the budget.</summary>
    /// <exception cref="ChipDataException"><c>PortraitInvalid</c> when the input is not a decodable JPEG;
    /// <c>PortraitTooLarge</c> when even the lowest quality does not fit.</exception>
    public byte[] Encode(byte[] capturedJpeg)
    {
        ArgumentNullException.ThrowIfNull(capturedJpeg);
        if (!IsJpeg(capturedJpeg))
            throw new ChipDataException("PortraitInvalid", "The portrait is not a JPEG (it does not start with the SOI marker FFD8FF).");

        if (capturedJpeg.Length <= budget.MaxBytes)
        {
            // Already within the byte budget: scaling and re-encoding would only cost time and detail. It must still
            // decode to the end; at 1/8 scale the decoder reads every coefficient but skips most of the IDCT.
            using var check = DecodeStrictly(capturedJpeg, scale: 0.125f);
            return capturedJpeg;
        }

        using var source = DecodeStrictly(capturedJpeg, scale: 1);
        using var scaled = ScaleToHeight(source, budget.MaxHeight);
        using var image = SKImage.FromBitmap(scaled);

        int smallest = int.MaxValue;
        for (int quality = budget.StartQuality; quality >= budget.MinQuality; quality -= budget.QualityStep)
        {
            using var data = image.Encode(SKEncodedImageFormat.Jpeg, quality);
            if (data.Size <= budget.MaxBytes)
                return data.ToArray();
            smallest = Math.Min(smallest, (int)data.Size);
        }
        throw new ChipDataException("PortraitTooLarge",
            $"The portrait does not fit the chip budget of {budget.MaxBytes} bytes: at {scaled.Width}x{scaled.Height} and JPEG quality {budget.MinQuality} it is still {smallest} bytes.");
    }

    internal static bool IsJpeg(ReadOnlySpan<byte> data) => data.Length > 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF;

    /// <summary>Decodes the whole image (at <paramref name="scale"/>); a truncated or damaged JPEG is refused rather than encoded half-grey.</summary>
    private static SKBitmap DecodeStrictly(byte[] jpeg, float scale)
    {
        using var codec = SKCodec.Create(new MemoryStream(jpeg))
            ?? throw new ChipDataException("PortraitInvalid", "The portrait JPEG is corrupt: its header cannot be read.");
        if (codec.EncodedFormat != SKEncodedImageFormat.Jpeg)
            throw new ChipDataException("PortraitInvalid", $"The portrait is {codec.EncodedFormat}, not a JPEG.");
        var size = codec.GetScaledDimensions(scale);
        var bitmap = new SKBitmap(new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var result = codec.GetPixels(bitmap.Info, bitmap.GetPixels());
        if (result != SKCodecResult.Success)
        {
            bitmap.Dispose();
            throw new ChipDataException("PortraitInvalid", $"The portrait JPEG is corrupt: decoding stopped with {result}.");
        }
        return bitmap;
    }

    private static SKBitmap ScaleToHeight(SKBitmap source, int maxHeight)
    {
        if (source.Height <= maxHeight)
            return source.Copy();
        int width = Math.Max(1, (int)Math.Round(source.Width * (double)maxHeight / source.Height));
        return source.Resize(new SKImageInfo(width, maxHeight), new SKSamplingOptions(SKCubicResampler.Mitchell))
            ?? throw new ChipDataException("PortraitInvalid", "The portrait could not be scaled.");
    }
}
