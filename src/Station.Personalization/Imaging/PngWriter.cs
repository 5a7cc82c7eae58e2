using System.Buffers.Binary;
using System.Runtime.Intrinsics;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;
using SkiaSharp;

namespace Station.Personalization.Imaging;

/// <summary>
/// Writes 8-bit PNGs with .NET's zlib-ng instead of Skia's libpng path: opaque RGB card faces (colour type 2, no row
/// filter) and grayscale finger images (colour type 0, 'Sub' filter). A card face through Skia's PNG encoder costs
/// ~4.7 ms, of which ~2.7 ms is libpng's row handling (Skia stores a face uncompressed in that time); here the same
/// face takes ~2.5 ms at the same size (zlib-ng level 2 ≈ libpng's zlib level 1).
/// </summary>
internal static class PngWriter
{
    /// <summary>zlib-ng level for card faces: as small as Skia's level 1 (84 KB a front), twice as fast.</summary>
    public const int FaceLevel = 2;

    /// <summary>
    /// zlib-ng level for finger images, which go on the chip where bytes count: at 4 a 16-level finger is ~12.5 KB in
    /// ~0.8 ms, a little smaller and faster than Skia's 'Sub' at zlib 4; level 6 saves another 4 % at twice the time.
    /// </summary>
    public const int FingerLevel = 4;

    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Encodes <paramref name="pixels"/> (RGBA or BGRA, 8 bits a channel, every pixel opaque) as RGB.</summary>
    public static byte[] EncodeRgb(SKPixmap pixels, int zlibLevel)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        var blueFirst = pixels.ColorType switch
        {
            SKColorType.Rgba8888 or SKColorType.Rgb888x => false,
            SKColorType.Bgra8888 => true,
            _ => throw new ArgumentException($"Only 8-bit RGBA or BGRA pixels can be written as RGB PNG, not {pixels.ColorType}.", nameof(pixels)),
        };
        int width = pixels.Width, height = pixels.Height;

        using var idat = new MemoryStream(width * height / 4);
        using (var zlib = new ZLibStream(idat, new ZLibCompressionOptions { CompressionLevel = zlibLevel }, leaveOpen: true))
        {
            var source = pixels.GetPixelSpan();
            // row[0] = 0: filter type None; 16 spare bytes let the last vector store run past the row's end.
            var row = new byte[1 + (3 * width) + 16];
            for (var y = 0; y < height; y++)
            {
                ToRgb(source.Slice(y * pixels.RowBytes, 4 * width), row.AsSpan(1), blueFirst);
                zlib.Write(row, 0, 1 + (3 * width));
            }
        }

        return Container(width, height, colourType: 2, idat);
    }

    /// <summary>
    /// Encodes 8-bit grayscale pixels with the 'Sub' row filter (each byte minus its left neighbour): ridges change
    /// slowly along a row, so the differences compress better than the values.
    /// </summary>
    public static byte[] EncodeGray(ReadOnlySpan<byte> pixels, int width, int height, int zlibLevel)
    {
        if (width <= 0 || height <= 0 || pixels.Length != width * height)
            throw new ArgumentException($"{pixels.Length} pixel bytes do not make a {width}x{height} grayscale image.", nameof(pixels));

        using var idat = new MemoryStream((width + 1) * height / 2);
        using (var zlib = new ZLibStream(idat, new ZLibCompressionOptions { CompressionLevel = zlibLevel }, leaveOpen: true))
        {
            var row = new byte[1 + width];
            row[0] = 1; // filter type Sub
            for (var y = 0; y < height; y++)
            {
                var source = pixels.Slice(y * width, width);
                row[1] = source[0];
                for (var x = 1; x < width; x++)
                {
                    row[x + 1] = (byte)(source[x] - source[x - 1]);
                }

                zlib.Write(row);
            }
        }

        return Container(width, height, colourType: 0, idat);
    }

    private static byte[] Container(int width, int height, byte colourType, MemoryStream idat)
    {
        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], height);
        header[8] = 8; // bits per channel
        header[9] = colourType;
        // compression, filter method and interlace: 0 (deflate, adaptive filtering, none)

        using var png = new MemoryStream((int)idat.Length + 64);
        png.Write(Signature);
        WriteChunk(png, "IHDR", header);
        WriteChunk(png, "IDAT", idat.GetBuffer().AsSpan(0, (int)idat.Length));
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    // Picks R, G, B of four 4-byte pixels into the first 12 bytes (the last four lanes are left zero).
    private static readonly Vector128<byte> RgbaToRgb = Vector128.Create((byte)0, 1, 2, 4, 5, 6, 8, 9, 10, 12, 13, 14, 0x80, 0x80, 0x80, 0x80);
    private static readonly Vector128<byte> BgraToRgb = Vector128.Create((byte)2, 1, 0, 6, 5, 4, 10, 9, 8, 14, 13, 12, 0x80, 0x80, 0x80, 0x80);

    /// <summary>Drops the fourth byte of every pixel (and swaps blue and red first when needed), four pixels a step.</summary>
    private static void ToRgb(ReadOnlySpan<byte> pixels, Span<byte> rgb, bool blueFirst)
    {
        var mask = blueFirst ? BgraToRgb : RgbaToRgb;
        int from = 0, to = 0;
        for (; from + 16 <= pixels.Length; from += 16, to += 12)
        {
            Vector128.Shuffle(Vector128.Create(pixels.Slice(from, 16)), mask).CopyTo(rgb.Slice(to, 16));
        }

        for (; from < pixels.Length; from += 4, to += 3)
        {
            rgb[to] = pixels[blueFirst ? from + 2 : from];
            rgb[to + 1] = pixels[from + 1];
            rgb[to + 2] = pixels[blueFirst ? from : from + 2];
        }
    }

    private static void WriteChunk(Stream png, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        png.Write(word);
        Span<byte> name = stackalloc byte[4];
        Encoding.ASCII.GetBytes(type, name);
        png.Write(name);
        png.Write(data);
        var crc = new Crc32();
        crc.Append(name);
        crc.Append(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, crc.GetCurrentHashAsUInt32());
        png.Write(word);
    }
}
