namespace Station.Personalization.Biometrics;

/// <summary>The profile's limits for the chip portrait: at most <see cref="MaxBytes"/> of JPEG. A larger capture is
/// scaled to at most <see cref="MaxHeight"/> pixels high and re-encoded with JPEG quality stepped down from
/// <see cref="StartQuality"/> to <see cref="MinQuality"/>; one already within the bytes is kept as it is.</summary>
public sealed record PortraitBudget(int MaxBytes = 20_000, int MaxHeight = 420, int StartQuality = 90, int MinQuality = 40, int QualityStep = 5)
{
    public static PortraitBudget Default { get; } = new();
}
