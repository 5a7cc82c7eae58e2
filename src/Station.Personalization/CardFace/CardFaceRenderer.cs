using System.Globalization;
using QRCoder;
using SkiaSharp;
using Station.Personalization.Applicants;
using Station.Personalization.Profiles;

namespace Station.Personalization.CardFace;

/// <summary>
/// Draws the printed card (ID-1/CR80, 85.6 × 54 mm at 300 dpi = 1012 × 638 pixels): the front with the
/// header captions, the portrait, the profile's front fields, the expiry and the QR code; the back with the
/// profile's back fields and the MRZ band. Which fields appear is the profile's <see cref="CardLayout"/>.
/// </summary>
public static class CardFaceRenderer
{
    public const int Width = 1012;
    public const int Height = 638;

    private static readonly SKColor Ink = new(0x1A, 0x1A, 0x2E);
    private static readonly SKColor Caption = new(0x44, 0x4B, 0x5C);
    private static readonly SKColor Accent = new(0xB0, 0x1E, 0x23);
    private static readonly SKColor Background = new(0xF3, 0xF6, 0xF2);

    /// <param name="applicant">The validated applicant.</param>
    /// <param name="mrzLines">The MRZ as built for the chip (3 × 30 for TD1).</param>
    /// <param name="portraitJpeg">The portrait as captured or supplied.</param>
    /// <param name="profile">Captions, words, date format and QR format.</param>
    /// <exception cref="ArgumentException">The portrait cannot be decoded, or the MRZ is missing.</exception>
    public static CardFaceImages Render(Applicant applicant, IReadOnlyList<string> mrzLines, byte[] portraitJpeg, CountryProfile profile)
    {
        ArgumentNullException.ThrowIfNull(applicant);
        ArgumentNullException.ThrowIfNull(mrzLines);
        ArgumentNullException.ThrowIfNull(portraitJpeg);
        ArgumentNullException.ThrowIfNull(profile);
        if (mrzLines.Count == 0)
        {
            throw new ArgumentException("The card face needs the MRZ lines.", nameof(mrzLines));
        }

        using var codec = SKCodec.Create(new SKMemoryStream(portraitJpeg))
            ?? throw new ArgumentException("The portrait is not a decodable image.", nameof(portraitJpeg));
        using var portrait = SKBitmap.Decode(codec)
            ?? throw new ArgumentException("The portrait cannot be decoded.", nameof(portraitJpeg));
        var qrText = profile.QrFormat is null ? null : QrTextFormatter.Format(profile.QrFormat, applicant, profile);
        // The two sides share nothing but read-only inputs: drawing them on two cores halves the time on the card's path.
        byte[] front = [], back = [];
        Parallel.Invoke(() => front = Front(applicant, portrait, qrText, profile), () => back = Back(applicant, mrzLines, profile));
        return new CardFaceImages(front, back);
    }

    private static byte[] Front(Applicant a, SKBitmap portrait, string? qrText, CountryProfile profile)
    {
        using var surface = NewCard(out var canvas);
        using var regular = new SKFont(CardFonts.Regular, 20);
        using var small = new SKFont(CardFonts.Regular, 17);
        using var bold = new SKFont(CardFonts.Bold, 28);
        using var title = new SKFont(CardFonts.Bold, 34);
        using var ink = Paint(Ink);
        using var caption = Paint(Caption);
        using var accent = Paint(Accent);

        var headerRight = qrText is null ? Width - 40 : Width - 230;
        var headerCentre = (250 + headerRight) / 2f;
        DrawCentred(canvas, profile.Labels.GetValueOrDefault("country"), headerCentre, 50, small, ink);
        DrawCentred(canvas, profile.Labels.GetValueOrDefault("motto"), headerCentre, 76, small, ink);
        DrawCentred(canvas, profile.Labels.GetValueOrDefault("title"), headerCentre, 128, title, accent);

        DrawPortrait(canvas, portrait, new SKRect(40, 170, 280, 490));
        if (qrText is not null)
        {
            DrawQr(canvas, qrText, new SKRect(Width - 210, 30, Width - 30, 210));
        }

        var y = 180f;
        foreach (var field in profile.CardLayout.Front)
        {
            y = DrawField(canvas, field, a, profile, 310, y, Width - 40 - 310, new FieldFonts(small, bold, regular), caption, ink);
        }

        canvas.DrawText(profile.Label("dateOfExpiry"), 40, 530, SKTextAlign.Left, small, caption);
        canvas.DrawText(ApplicantText.Get("dateOfExpiry", a, profile), 40, 560, SKTextAlign.Left, regular, ink);
        return Png(surface);
    }

    private static byte[] Back(Applicant a, IReadOnlyList<string> mrzLines, CountryProfile profile)
    {
        using var surface = NewCard(out var canvas);
        using var regular = new SKFont(CardFonts.Regular, 22);
        using var small = new SKFont(CardFonts.Regular, 18);
        using var bold = new SKFont(CardFonts.Bold, 26);
        using var ink = Paint(Ink);
        using var caption = Paint(Caption);

        var y = 60f;
        foreach (var field in profile.CardLayout.Back)
        {
            y = DrawField(canvas, field, a, profile, 40, y, Width - 80, new FieldFonts(small, bold, regular), caption, ink);
        }

        // The MRZ band: one monospace line per MRZ line, sized so the longest line fills the card width.
        using var white = Paint(SKColors.White);
        canvas.DrawRect(new SKRect(0, Height - 200, Width, Height), white);
        var longest = mrzLines.Max(l => l.Length);
        using var mono = new SKFont(CardFonts.Monospace, 40);
        mono.Size = 40 * (Width - 80) / mono.MeasureText(new string('W', longest));
        var lineHeight = 180f / mrzLines.Count;
        for (var i = 0; i < mrzLines.Count; i++)
        {
            canvas.DrawText(mrzLines[i], 40, Height - 200 + (lineHeight * (i + 1)) - ((lineHeight - mono.Size) / 2), SKTextAlign.Left, mono, ink);
        }

        return Png(surface);
    }

    private static SKSurface NewCard(out SKCanvas canvas)
    {
        var surface = SKSurface.Create(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        canvas = surface.Canvas;
        canvas.Clear(Background);
        return surface;
    }

    private static SKPaint Paint(SKColor color) => new() { Color = color, IsAntialias = true };

    /// <summary>Draws one layout field; returns the baseline for the next one. Empty values are left out.</summary>
    private static float DrawField(SKCanvas canvas, CardField field, Applicant a, CountryProfile profile, float x, float y, float width, FieldFonts fonts, SKPaint captionPaint, SKPaint valuePaint)
    {
        var value = ApplicantText.Get(field.Field, a, profile);
        if (value.Length == 0)
        {
            return y;
        }

        if (field.Prominent)
        {
            canvas.DrawText(profile.Label(field.Field), x, y, SKTextAlign.Left, fonts.Caption, captionPaint);
            return Wrapped(canvas, value.ToUpper(CultureInfo.InvariantCulture), x, y + 34, width, fonts.Prominent, valuePaint, field.MaxLines);
        }

        return Wrapped(canvas, $"{profile.Label(field.Field)}: {value}", x, y, width, fonts.Value, valuePaint, field.MaxLines) + 4;
    }

    private sealed record FieldFonts(SKFont Caption, SKFont Prominent, SKFont Value);

    private static void DrawCentred(SKCanvas canvas, string? text, float centre, float y, SKFont font, SKPaint paint)
    {
        if (!string.IsNullOrEmpty(text))
        {
            canvas.DrawText(text, centre, y, SKTextAlign.Center, font, paint);
        }
    }

    /// <summary>Word-wraps <paramref name="text"/> into at most <paramref name="maxLines"/> lines; returns the next baseline.</summary>
    private static float Wrapped(SKCanvas canvas, string text, float x, float y, float width, SKFont font, SKPaint paint, int maxLines)
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
        foreach (var (text1, index) in lines.Take(maxLines).Select((l, i) => (l, i)))
        {
            var shown = index == maxLines - 1 && lines.Count > maxLines ? text1 + " …" : text1;
            canvas.DrawText(shown, x, y, SKTextAlign.Left, font, paint);
            y += lineHeight;
        }

        return y + 4;
    }

    /// <summary>Scales the portrait to fill <paramref name="target"/>, cropping the excess around its centre.</summary>
    private static void DrawPortrait(SKCanvas canvas, SKBitmap portrait, SKRect target)
    {
        var scale = Math.Max(target.Width / portrait.Width, target.Height / portrait.Height);
        var cropWidth = target.Width / scale;
        var cropHeight = target.Height / scale;
        var source = SKRect.Create((portrait.Width - cropWidth) / 2, (portrait.Height - cropHeight) / 2, cropWidth, cropHeight);
        using var image = SKImage.FromBitmap(portrait);
        canvas.DrawImage(image, source, target, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
    }

    /// <summary>Draws the QR modules (UTF-8 with an ECI header, so readers do not guess the encoding) with a quiet zone.</summary>
    private static void DrawQr(SKCanvas canvas, string text, SKRect target)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M, forceUtf8: true, utf8BOM: false, eciMode: QRCodeGenerator.EciMode.Utf8);
        var matrix = data.ModuleMatrix;
        var modules = matrix.Count;
        var moduleSize = MathF.Floor(Math.Min(target.Width, target.Height) / modules);
        var origin = new SKPoint(target.Left + (target.Width - (moduleSize * modules)) / 2, target.Top + (target.Height - (moduleSize * modules)) / 2);
        using var white = new SKPaint { Color = SKColors.White };
        using var black = new SKPaint { Color = SKColors.Black };
        canvas.DrawRect(target, white);
        for (var row = 0; row < modules; row++)
        {
            for (var column = 0; column < modules; column++)
            {
                if (matrix[row][column])
                {
                    canvas.DrawRect(origin.X + (column * moduleSize), origin.Y + (row * moduleSize), moduleSize, moduleSize, black);
                }
            }
        }
    }

    private static byte[] Png(SKSurface surface)
    {
        return Imaging.PngEncoding.Encode(surface.PeekPixels(), Imaging.PngEncoding.Fast);
    }
}
