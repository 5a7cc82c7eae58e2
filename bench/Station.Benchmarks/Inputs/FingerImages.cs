using Station.Personalization.Biometrics;

namespace Station.Benchmarks.Inputs;

/// <summary>Two synthetic 256×288, 500 ppi index-finger images: ridges curving round a core, as a sensor would give.</summary>
internal static class FingerImages
{
    public const int Width = 256, Height = 288;

    public static IReadOnlyList<FingerImage> IndexFingers() =>
    [
        new(FingerPosition.RightIndex, Width, Height, 500, 80, Ridges(coreX: 120, coreY: 150)),
        new(FingerPosition.LeftIndex, Width, Height, 500, 75, Ridges(coreX: 136, coreY: 140)),
    ];

    private static byte[] Ridges(double coreX, double coreY)
    {
        var pixels = new byte[Width * Height];
        for (int y = 0; y < Height; y++)
            for (int x = 0; x < Width; x++)
            {
                double dx = x - coreX, dy = (y - coreY) * 1.3;
                double distance = Math.Sqrt(dx * dx + dy * dy);
                pixels[y * Width + x] = (byte)(128 + 100 * Math.Sin(distance / 2.6 + Math.Atan2(dy, dx)));
            }
        return pixels;
    }
}
