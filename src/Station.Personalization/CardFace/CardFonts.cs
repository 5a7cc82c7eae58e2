using SkiaSharp;

namespace Station.Personalization.CardFace;

/// <summary>
/// Typefaces for the card face: DejaVu (which covers every Vietnamese letter) when installed, else Skia's default.
/// Loaded once; the typefaces live as long as the process.
/// </summary>
internal static class CardFonts
{
    private const string DejaVuDirectory = "/usr/share/fonts/truetype/dejavu/";

    private static readonly Lazy<SKTypeface> RegularFace = new(() => Load("DejaVuSans.ttf", SKFontStyle.Normal));
    private static readonly Lazy<SKTypeface> BoldFace = new(() => Load("DejaVuSans-Bold.ttf", SKFontStyle.Bold));
    private static readonly Lazy<SKTypeface> MonospaceFace = new(() => Load("DejaVuSansMono.ttf", SKFontStyle.Normal, "monospace"));

    public static SKTypeface Regular => RegularFace.Value;
    public static SKTypeface Bold => BoldFace.Value;
    /// <summary>For the MRZ (OCR-B is not freely available; a monospace face keeps the 30-character pitch).</summary>
    public static SKTypeface Monospace => MonospaceFace.Value;

    private static SKTypeface Load(string file, SKFontStyle style, string? family = null)
    {
        var path = Path.Combine(DejaVuDirectory, file);
        if (File.Exists(path) && SKTypeface.FromFile(path) is { } face)
        {
            return face;
        }

        return (family is null ? null : SKTypeface.FromFamilyName(family, style)) ?? SKTypeface.Default;
    }
}
