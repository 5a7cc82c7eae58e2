using SkiaSharp;

namespace Station.Personalization.CardFace;

/// <summary>The card's inks, shared by the profile's fixed parts and the per-applicant drawing.</summary>
internal static class CardColors
{
    public static readonly SKColor Ink = new(0x1A, 0x1A, 0x2E);
    public static readonly SKColor Caption = new(0x44, 0x4B, 0x5C);
    public static readonly SKColor Accent = new(0xB0, 0x1E, 0x23);
    public static readonly SKColor Background = new(0xF3, 0xF6, 0xF2);

    public static SKPaint Paint(SKColor color) => new() { Color = color, IsAntialias = true };
}
