using SkiaSharp;

namespace Station.Benchmarks.Inputs;

/// <summary>
/// A synthetic, face-like camera portrait: background, shoulders, head, hair, eyes, brows, nose and mouth, plus
/// sensor-like grain. A plain gradient would compress far better than a real face and flatter the re-encoding cost.
/// </summary>
internal static class FacePortrait
{
    public static byte[] Jpeg(int width = 480, int height = 640, int quality = 92)
    {
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using var bitmap = new SKBitmap(info);
        using (var canvas = new SKCanvas(bitmap))
            Draw(canvas, width, height);
        AddGrain(bitmap, seed: 7, amplitude: 6);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, quality);
        return data.ToArray();
    }

    private static void Draw(SKCanvas canvas, float w, float h)
    {
        using var paint = new SKPaint { IsAntialias = true };
        paint.Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(0, h),
            [new SKColor(214, 222, 232), new SKColor(176, 188, 204)], SKShaderTileMode.Clamp);
        canvas.DrawRect(0, 0, w, h, paint);
        paint.Shader = null;

        Fill(canvas, paint, new SKColor(38, 44, 66), SKRect.Create(w * 0.05f, h * 0.78f, w * 0.90f, h * 0.45f)); // shoulders
        Fill(canvas, paint, new SKColor(206, 162, 132), SKRect.Create(w * 0.40f, h * 0.62f, w * 0.20f, h * 0.22f)); // neck
        paint.Shader = SKShader.CreateRadialGradient(new SKPoint(w * 0.46f, h * 0.40f), w * 0.30f,
            [new SKColor(236, 196, 164), new SKColor(196, 150, 118)], SKShaderTileMode.Clamp);
        canvas.DrawOval(SKRect.Create(w * 0.27f, h * 0.18f, w * 0.46f, h * 0.50f), paint); // head
        paint.Shader = null;
        Fill(canvas, paint, new SKColor(30, 24, 22), SKRect.Create(w * 0.25f, h * 0.12f, w * 0.50f, h * 0.20f)); // hair
        foreach (float x in new[] { 0.36f, 0.56f })
        {
            Fill(canvas, paint, new SKColor(245, 245, 240), SKRect.Create(w * x, h * 0.38f, w * 0.09f, h * 0.035f)); // eye
            Fill(canvas, paint, new SKColor(52, 36, 28), SKRect.Create(w * (x + 0.028f), h * 0.382f, w * 0.035f, h * 0.031f)); // iris
            Fill(canvas, paint, new SKColor(46, 34, 30), SKRect.Create(w * (x - 0.01f), h * 0.345f, w * 0.11f, h * 0.014f)); // brow
        }
        paint.Style = SKPaintStyle.Stroke;
        paint.StrokeWidth = 3;
        paint.Color = new SKColor(170, 120, 96);
        canvas.DrawLine(w * 0.50f, h * 0.42f, w * 0.48f, h * 0.50f, paint); // nose
        paint.Color = new SKColor(150, 70, 70);
        canvas.DrawArc(SKRect.Create(w * 0.42f, h * 0.53f, w * 0.16f, h * 0.05f), 20, 140, false, paint); // mouth
    }

    private static void Fill(SKCanvas canvas, SKPaint paint, SKColor color, SKRect oval)
    {
        paint.Color = color;
        canvas.DrawOval(oval, paint);
    }

    private static void AddGrain(SKBitmap bitmap, int seed, int amplitude)
    {
        var random = new Random(seed);
        byte[] rgba = bitmap.Bytes; // a copy, written back below
        for (int i = 0; i < rgba.Length; i++)
        {
            if (i % 4 == 3) continue; // alpha
            rgba[i] = (byte)Math.Clamp(rgba[i] + random.Next(-amplitude, amplitude + 1), 0, 255);
        }
        System.Runtime.InteropServices.Marshal.Copy(rgba, 0, bitmap.GetPixels(), rgba.Length);
    }
}
