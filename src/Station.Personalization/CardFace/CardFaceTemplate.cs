using System.Runtime.CompilerServices;
using SkiaSharp;
using Station.Personalization.Profiles;

namespace Station.Personalization.CardFace;

/// <summary>
/// What a profile prints on every card, drawn once: the background, the header captions, the QR's white square and
/// the expiry caption on the front; the background and the MRZ band on the back. Each card starts from a copy.
/// </summary>
/// <remarks>
/// Only pieces no applicant's text can overlap are here, so a card drawn on the template has the same pixels as one
/// drawn from scratch (the renderer clips the back fields above the MRZ band, which used to paint over them).
/// </remarks>
internal sealed class CardFaceTemplate : IDisposable
{
    /// <summary>The left edge of the header text band, right of the portrait column.</summary>
    private const float HeaderLeft = 250;

    // Keyed by the profile instance: a profile altered with 'with' is another key, and a dropped profile frees its images.
    private static readonly ConditionalWeakTable<CountryProfile, Lazy<CardFaceTemplate>> Cache = [];

    private CardFaceTemplate(SKImage front, SKImage back)
    {
        Front = front;
        Back = back;
    }

    public SKImage Front { get; }

    public SKImage Back { get; }

    /// <summary>The profile's template, drawn on first use. SKImage is immutable, so any thread may draw it.</summary>
    public static CardFaceTemplate For(CountryProfile profile) =>
        Cache.GetValue(profile, p => new Lazy<CardFaceTemplate>(() => Draw(p))).Value;

    /// <summary>Draws the template afresh, without the cache.</summary>
    public static CardFaceTemplate Draw(CountryProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new CardFaceTemplate(Side(canvas => DrawFront(canvas, profile)), Side(DrawBack));
    }

    public void Dispose()
    {
        Front.Dispose();
        Back.Dispose();
    }

    /// <summary>The front's fixed parts, on a canvas cleared to the background.</summary>
    public static void DrawFront(SKCanvas canvas, CountryProfile profile)
    {
        using var small = new SKFont(CardFonts.Regular, 17);
        using var title = new SKFont(CardFonts.Bold, 34);
        using var ink = CardColors.Paint(CardColors.Ink);
        using var caption = CardColors.Paint(CardColors.Caption);
        using var accent = CardColors.Paint(CardColors.Accent);

        var hasQr = profile.QrFormat is not null;
        var headerRight = hasQr ? CardFrame.Width - 230 : CardFrame.Width - 40;
        var headerCentre = (HeaderLeft + headerRight) / 2f;
        CardText.DrawCentred(canvas, profile.Labels.GetValueOrDefault("country"), headerCentre, 50, small, ink);
        CardText.DrawCentred(canvas, profile.Labels.GetValueOrDefault("motto"), headerCentre, 76, small, ink);
        CardText.DrawCentred(canvas, profile.Labels.GetValueOrDefault("title"), headerCentre, 128, title, accent);
        if (hasQr)
        {
            using var white = new SKPaint { Color = SKColors.White };
            canvas.DrawRect(CardFrame.Qr, white);
        }

        canvas.DrawText(profile.Label("dateOfExpiry"), CardFrame.ExpiryCaption.X, CardFrame.ExpiryCaption.Y, SKTextAlign.Left, small, caption);
    }

    /// <summary>The back's fixed parts, on a canvas cleared to the background.</summary>
    public static void DrawBack(SKCanvas canvas)
    {
        using var white = CardColors.Paint(SKColors.White);
        canvas.DrawRect(CardFrame.MrzBand, white);
    }

    private static SKImage Side(Action<SKCanvas> draw)
    {
        using var surface = SKSurface.Create(CardFrame.Pixels)
            ?? throw new InvalidOperationException($"Skia could not allocate a {CardFrame.Width}x{CardFrame.Height} card surface.");
        surface.Canvas.Clear(CardColors.Background);
        draw(surface.Canvas);
        return surface.Snapshot();
    }
}
