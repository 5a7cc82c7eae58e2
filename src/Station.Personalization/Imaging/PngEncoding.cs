using SkiaSharp;

namespace Station.Personalization.Imaging;

/// <summary>Lossless PNG through Skia for chip files, where size counts (card faces: <see cref="OpaquePngWriter"/>).</summary>
internal static class PngEncoding
{
    // Measured on a card face (1012x638) and a 16-level finger (256x288): trying every row filter (Skia's default)
    // costs 2-3x the time of one fixed filter for no smaller file; past zlib level 4 a finger shrinks by 8% at 3x the time.
    // A card face is flat colour and text: no filter at all gives its smallest file (78 KB as RGB against 92 KB for
    // RGBA with 'Up'); storing it uncompressed (zlib 0) saves about 1.5 ms but makes a 1.9 MB file per side.

    /// <summary>For chip files, where bytes count against the 32 KB a file can hold: 'Sub' at level 4 (a finger: 12.8 KB in 1.2 ms).</summary>
    public static readonly SKPngEncoderOptions Small = new(SKPngEncoderFilterFlags.Sub, 4);

    /// <summary>Encodes the pixels as they are (with an alpha channel unless the pixmap is opaque).</summary>
    public static byte[] Encode(SKPixmap pixels, SKPngEncoderOptions options)
    {
        using var data = pixels.Encode(options)
            ?? throw new InvalidOperationException($"PNG encoding of a {pixels.Width}x{pixels.Height} {pixels.ColorType} image failed.");
        return data.ToArray();
    }
}
