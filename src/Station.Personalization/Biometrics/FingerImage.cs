namespace Station.Personalization.Biometrics;

/// <summary>
/// One captured finger: 8-bit grayscale pixels, row-major, <see cref="Width"/> × <see cref="Height"/>.
/// </summary>
public sealed record FingerImage(FingerPosition Position, int Width, int Height, int Ppi, byte Quality, byte[] Gray8Pixels);
