using SkiaSharp;

namespace Station.Personalization.Tests.CardFace;

/// <summary>A plain 480×640 portrait JPEG (a face-coloured oval on a pale background) for card-face tests.</summary>
internal static class Portrait
{
    private static readonly Lazy<byte[]> Encoded = new(Draw);

    public static byte[] Jpeg => Encoded.Value;

    private static byte[] Draw()
    {
        using var bitmap = new SKBitmap(480, 640);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(0xDD, 0xE4, 0xEE));
            using var skin = new SKPaint { Color = new SKColor(0xE8, 0xB8, 0x96), IsAntialias = true };
            canvas.DrawOval(new SKRect(140, 140, 340, 420), skin);
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 85);
        return data.ToArray();
    }
}
