using SkiaSharp;

namespace Station.Personalization.CardFace;

/// <summary>Text layout on a card side: centred captions and word-wrapped values.</summary>
internal static class CardText
{
    public static void DrawCentred(SKCanvas canvas, string? text, float centre, float y, SKFont font, SKPaint paint)
    {
        if (!string.IsNullOrEmpty(text))
        {
            canvas.DrawText(text, centre, y, SKTextAlign.Center, font, paint);
        }
    }

    /// <summary>Word-wraps <paramref name="text"/> into at most <paramref name="maxLines"/> lines; returns the next baseline.</summary>
    public static float DrawWrapped(SKCanvas canvas, string text, float x, float y, float width, SKFont font, SKPaint paint, int maxLines)
    {
        var lines = new List<string>();
        var line = string.Empty;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : $"{line} {word}";
            if (line.Length > 0 && font.MeasureText(candidate) > width)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = candidate;
            }
        }

        lines.Add(line);
        var lineHeight = font.Size * 1.3f;
        for (var index = 0; index < Math.Min(lines.Count, maxLines); index++)
        {
            var shown = index == maxLines - 1 && lines.Count > maxLines ? lines[index] + " …" : lines[index];
            canvas.DrawText(shown, x, y, SKTextAlign.Left, font, paint);
            y += lineHeight;
        }

        return y + 4;
    }
}
