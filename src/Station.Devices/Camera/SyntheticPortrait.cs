using SkiaSharp;

namespace Station.Devices.Camera;

/// <summary>
/// Draws a face-like portrait (plain background, hair, skin-toned face, eyes, nose, mouth, shoulders) as JPEG.
/// The seed picks the tones and proportions, so the same seed always gives the same bytes.
/// </summary>
public static class SyntheticPortrait
{
    public const int Width = 480;
    public const int Height = 640;

    private static readonly SKColor[] SkinTones =
    [
        new(241, 194, 167), new(224, 172, 136), new(198, 142, 104), new(170, 116, 82), new(232, 190, 150),
    ];

    private static readonly SKColor[] HairColors = [new(20, 16, 14), new(45, 30, 22), new(70, 50, 35), new(150, 150, 150)];

    public static byte[] RenderJpeg(int seed, int quality = 85)
    {
        var random = new Random(seed);
        var info = new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        canvas.Clear(new SKColor(228, 232, 238));

        var skin = SkinTones[random.Next(SkinTones.Length)];
        var hair = HairColors[random.Next(HairColors.Length)];
        var faceWidth = 150f + random.Next(40);
        var faceHeight = 200f + random.Next(40);
        const float cx = Width / 2f;
        const float cy = Height * 0.45f;

        using var paint = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };

        paint.Color = new SKColor((byte)random.Next(30, 90), (byte)random.Next(40, 90), (byte)random.Next(60, 120));
        canvas.DrawOval(new SKRect(cx - 210, Height * 0.80f, cx + 210, Height * 1.25f), paint);
        paint.Color = skin;
        canvas.DrawRect(new SKRect(cx - 40, cy + faceHeight * 0.4f, cx + 40, Height * 0.85f), paint);

        paint.Color = hair;
        canvas.DrawOval(new SKRect(cx - faceWidth * 0.56f, cy - faceHeight * 0.62f, cx + faceWidth * 0.56f, cy + faceHeight * 0.1f), paint);

        paint.Color = skin;
        canvas.DrawOval(new SKRect(cx - faceWidth / 2, cy - faceHeight / 2 + 20, cx + faceWidth / 2, cy + faceHeight / 2), paint);

        var eyeY = cy - faceHeight * 0.05f;
        var eyeDx = faceWidth * 0.2f;
        foreach (var ex in new[] { cx - eyeDx, cx + eyeDx })
        {
            paint.Color = SKColors.White;
            canvas.DrawOval(new SKRect(ex - 16, eyeY - 8, ex + 16, eyeY + 8), paint);
            paint.Color = new SKColor(35, 25, 20);
            canvas.DrawCircle(ex, eyeY, 6, paint);
            canvas.DrawRect(new SKRect(ex - 18, eyeY - 22, ex + 18, eyeY - 17), paint);
        }

        paint.Color = skin.WithRed((byte)Math.Max(0, skin.Red - 35)).WithGreen((byte)Math.Max(0, skin.Green - 35));
        canvas.DrawOval(new SKRect(cx - 9, cy + faceHeight * 0.08f, cx + 9, cy + faceHeight * 0.16f), paint);
        paint.Color = new SKColor(160, 70, 70);
        canvas.DrawOval(new SKRect(cx - 30, cy + faceHeight * 0.25f, cx + 30, cy + faceHeight * 0.29f), paint);

        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, quality);
        return data.ToArray();
    }
}
