using SkiaSharp;

namespace Station.Personalization.CardFace;

/// <summary>
/// Where the fixed parts of the card sit (ID-1 at 300 dpi). <see cref="CardFaceTemplate"/> draws the profile's fixed
/// parts; the renderer draws the applicant's parts at the same places.
/// </summary>
internal static class CardFrame
{
    public const int Width = 1012;
    public const int Height = 638;

    public static readonly SKImageInfo Pixels = new(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul);

    public static readonly SKRect Portrait = new(40, 170, 280, 490);
    public static readonly SKRect Qr = new(Width - 210, 30, Width - 30, 210);

    /// <summary>The white band at the foot of the back that carries the MRZ.</summary>
    public static readonly SKRect MrzBand = new(0, Height - 200, Width, Height);

    /// <summary>The back above the MRZ band: back fields never print into the band.</summary>
    public static readonly SKRect AboveMrzBand = new(0, 0, Width, Height - 200);

    public static readonly SKPoint ExpiryCaption = new(40, 530);
    public static readonly SKPoint ExpiryValue = new(40, 560);
}
