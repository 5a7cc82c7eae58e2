using System.Globalization;
using System.Runtime.ExceptionServices;
using SkiaSharp;
using Station.Personalization.Applicants;
using Station.Personalization.Profiles;

namespace Station.Personalization.CardFace;

/// <summary>
/// Draws the printed card (ID-1/CR80, 85.6 × 54 mm at 300 dpi = 1012 × 638 pixels): the front with the
/// header captions, the portrait, the profile's front fields, the expiry and the QR code; the back with the
/// profile's back fields and the MRZ band. Which fields appear is the profile's <see cref="CardLayout"/>.
/// </summary>
/// <remarks>
/// Each side is cleared to the background, gets what every card of the profile shares (<see cref="CardFaceTemplate"/>),
/// then the applicant's parts. Fonts and paints are made per call: Skia's are not thread-safe.
/// </remarks>
public static class CardFaceRenderer
{
    public const int Width = CardFrame.Width;
    public const int Height = CardFrame.Height;

    /// <param name="applicant">The validated applicant.</param>
    /// <param name="mrzLines">The MRZ as built for the chip (3 × 30 for TD1).</param>
    /// <param name="portraitJpeg">The portrait as captured or supplied.</param>
    /// <param name="profile">Captions, words, date format and QR format.</param>
    /// <exception cref="ArgumentException">The portrait cannot be decoded, or the MRZ is missing.</exception>
    /// <exception cref="InvalidDataException">The profile's QR format or card layout names an unknown field.</exception>
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

        using var portrait = DecodeToCover(portraitJpeg, CardFrame.Portrait);
        // The two sides share nothing but read-only inputs: drawing them on two cores halves the time on the card's path.
        byte[] front = [], back = [];
        try
        {
            Parallel.Invoke(() => front = Front(applicant, portrait, profile), () => back = Back(applicant, mrzLines, profile));
        }
        catch (AggregateException error) when (error.InnerExceptions.Count == 1)
        {
            // Callers see the error a side threw (e.g. the QR format's), not the parallel wrapper around it.
            ExceptionDispatchInfo.Throw(error.InnerExceptions[0]);
        }

        return new CardFaceImages(front, back);
    }

    private static byte[] Front(Applicant a, SKBitmap portrait, CountryProfile profile)
    {
        var qrText = profile.QrFormat is null ? null : QrTextFormatter.Format(profile.QrFormat, a, profile);
        using var surface = NewCard(canvas => CardFaceTemplate.DrawFront(canvas, profile), out var canvas);
        using var regular = new SKFont(CardFonts.Regular, 20);
        using var small = new SKFont(CardFonts.Regular, 17);
        using var bold = new SKFont(CardFonts.Bold, 28);
        using var ink = CardColors.Paint(CardColors.Ink);
        using var caption = CardColors.Paint(CardColors.Caption);

        DrawPortrait(canvas, portrait, CardFrame.Portrait);
        if (qrText is not null)
        {
            using var modules = QrModules.Path(qrText, CardFrame.Qr);
            using var black = new SKPaint { Color = SKColors.Black };
            canvas.DrawPath(modules, black);
        }

        var y = 180f;
        foreach (var field in profile.CardLayout.Front)
        {
            y = DrawField(canvas, field, a, profile, 310, y, Width - 40 - 310, new FieldFonts(small, bold, regular), caption, ink);
        }

        canvas.DrawText(ApplicantText.Get("dateOfExpiry", a, profile), CardFrame.ExpiryValue.X, CardFrame.ExpiryValue.Y, SKTextAlign.Left, regular, ink);
        return Png(surface);
    }

    private static byte[] Back(Applicant a, IReadOnlyList<string> mrzLines, CountryProfile profile)
    {
        using var surface = NewCard(CardFaceTemplate.DrawBack, out var canvas);
        using var regular = new SKFont(CardFonts.Regular, 22);
        using var small = new SKFont(CardFonts.Regular, 18);
        using var bold = new SKFont(CardFonts.Bold, 26);
        using var ink = CardColors.Paint(CardColors.Ink);
        using var caption = CardColors.Paint(CardColors.Caption);

        canvas.Save();
        canvas.ClipRect(CardFrame.AboveMrzBand);
        var y = 60f;
        foreach (var field in profile.CardLayout.Back)
        {
            y = DrawField(canvas, field, a, profile, 40, y, Width - 80, new FieldFonts(small, bold, regular), caption, ink);
        }

        canvas.Restore();

        // The MRZ: one monospace line per MRZ line in the template's band, sized so the longest line fills the card width.
        var band = CardFrame.MrzBand;
        var longest = mrzLines.Max(l => l.Length);
        using var mono = new SKFont(CardFonts.Monospace, 40);
        mono.Size = 40 * (Width - 80) / mono.MeasureText(new string('W', longest));
        var lineHeight = (band.Height - 20) / mrzLines.Count;
        for (var i = 0; i < mrzLines.Count; i++)
        {
            canvas.DrawText(mrzLines[i], 40, band.Top + (lineHeight * (i + 1)) - ((lineHeight - mono.Size) / 2), SKTextAlign.Left, mono, ink);
        }

        return Png(surface);
    }

    /// <summary>A new side: the background and the profile's fixed parts.</summary>
    private static SKSurface NewCard(Action<SKCanvas> drawFrame, out SKCanvas canvas)
    {
        var surface = SKSurface.Create(CardFrame.Pixels)
            ?? throw new InvalidOperationException($"Skia could not allocate a {Width}x{Height} card surface.");
        canvas = surface.Canvas;
        canvas.Clear(CardColors.Background);
        drawFrame(canvas);
        return surface;
    }

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
            return CardText.DrawWrapped(canvas, value.ToUpper(CultureInfo.InvariantCulture), x, y + 34, width, fonts.Prominent, valuePaint, field.MaxLines);
        }

        return CardText.DrawWrapped(canvas, $"{profile.Label(field.Field)}: {value}", x, y, width, fonts.Value, valuePaint, field.MaxLines) + 4;
    }

    private sealed record FieldFonts(SKFont Caption, SKFont Prominent, SKFont Value);

    /// <summary>
    /// Decodes the portrait at the smallest size that still covers <paramref name="frame"/>: libjpeg scales by
    /// 1/2, 1/4 or 1/8 while it decodes (the camera's 480×640 comes out as the 240×320 frame exactly), which costs
    /// a fraction of a full decode followed by building mipmaps to shrink it.
    /// </summary>
    private static SKBitmap DecodeToCover(byte[] portraitJpeg, SKRect frame)
    {
        using var codec = SKCodec.Create(new SKMemoryStream(portraitJpeg))
            ?? throw new ArgumentException("The portrait is not a decodable image.", nameof(portraitJpeg));
        var info = codec.Info;
        var needed = Math.Max(frame.Width / info.Width, frame.Height / info.Height);
        if (needed < 1)
        {
            var scaled = codec.GetScaledDimensions(needed);
            if (scaled.Width >= frame.Width && scaled.Height >= frame.Height)
            {
                info = info.WithSize(scaled);
            }
        }

        return SKBitmap.Decode(codec, info)
            ?? throw new ArgumentException("The portrait cannot be decoded.", nameof(portraitJpeg));
    }

    /// <summary>Scales the portrait to fill <paramref name="target"/>, cropping the excess around its centre.</summary>
    private static void DrawPortrait(SKCanvas canvas, SKBitmap portrait, SKRect target)
    {
        var scale = Math.Max(target.Width / portrait.Width, target.Height / portrait.Height);
        var cropWidth = target.Width / scale;
        var cropHeight = target.Height / scale;
        var source = SKRect.Create((portrait.Width - cropWidth) / 2, (portrait.Height - cropHeight) / 2, cropWidth, cropHeight);
        using var image = SKImage.FromBitmap(portrait);
        canvas.DrawImage(image, source, target, PortraitSampling(scale));
    }

    /// <summary>
    /// Bilinear from mipmaps, blending the two nearest levels (trilinear). When the scale is a power of two (a 480×640
    /// camera portrait into the 240×320 frame) it falls exactly on one level: there is nothing to blend, picking that
    /// level gives the same pixels, and Skia's blending path would cost about 15 times as much (17 ms against 1 ms).
    /// </summary>
    internal static SKSamplingOptions PortraitSampling(float scale)
    {
        var level = Math.Log2(1 / scale);
        var onOneLevel = Math.Abs(level - Math.Round(level)) < 1e-6;
        return new SKSamplingOptions(SKFilterMode.Linear, onOneLevel ? SKMipmapMode.Nearest : SKMipmapMode.Linear);
    }

    /// <summary>The side as an RGB PNG: every card starts from an opaque background, so there is no alpha to keep.</summary>
    private static byte[] Png(SKSurface surface)
    {
        using var pixels = surface.PeekPixels();
        return Imaging.PngWriter.EncodeRgb(pixels, Imaging.PngWriter.FaceLevel);
    }
}
