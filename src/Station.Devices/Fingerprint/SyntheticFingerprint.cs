using Station.Personalization.Biometrics;

namespace Station.Devices.Fingerprint;

/// <summary>
/// Draws a synthetic fingerprint: concentric, slightly warped ridges (a whorl around a seeded core) inside an
/// elliptical finger outline on a white background, 8-bit gray, 256 × 288 at 500 ppi.
/// </summary>
public static class SyntheticFingerprint
{
    public const int Width = 256;
    public const int Height = 288;
    public const int Ppi = 500;

    /// <summary>Ridge period in pixels (about 9 px at 500 ppi, a typical adult ridge spacing).</summary>
    private const double RidgePeriod = 9.0;

    public static FingerImage Render(FingerPosition position, int seed)
    {
        var random = new Random(HashCode.Combine(seed, (int)position));
        var coreX = Width / 2.0 + random.Next(-20, 21);
        var coreY = Height / 2.0 + random.Next(-25, 26);
        var warp = 4 + random.NextDouble() * 6;
        var twist = random.NextDouble() * Math.PI;
        var pixels = new byte[Width * Height];

        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                var nx = (x - Width / 2.0) / (Width * 0.45);
                var ny = (y - Height / 2.0) / (Height * 0.47);
                var inside = nx * nx + ny * ny;
                if (inside > 1)
                {
                    pixels[y * Width + x] = 255;
                    continue;
                }

                var dx = x - coreX;
                var dy = (y - coreY) * 1.2;
                var r = Math.Sqrt(dx * dx + dy * dy);
                var angle = Math.Atan2(dy, dx);
                var phase = 2 * Math.PI * r / RidgePeriod + warp * Math.Sin(angle * 2 + twist);
                var ridge = 0.5 + 0.5 * Math.Cos(phase);
                // Fade to white near the outline, as a real finger loses contact at its edge.
                var contact = Math.Clamp((1 - inside) * 4, 0, 1);
                pixels[y * Width + x] = Quantize(255 - contact * ridge * 215);
            }
        }

        return new FingerImage(position, Width, Height, Ppi, Quality: (byte)(70 + random.Next(25)), pixels);
    }

    /// <summary>
    /// Sixteen gray levels, like an enhanced live-scan image: smooth 256-level ridges make a 40 KB PNG per finger,
    /// and DG3 with two fingers must stay within the 32 KB a chip file can have for plain READ BINARY offsets.
    /// </summary>
    private static byte Quantize(double value) => (byte)(Math.Round(value / 17) * 17);
}
