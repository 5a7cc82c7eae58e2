namespace Station.Personalization.Biometrics;

/// <summary>One finger view of an ISO/IEC 19794-4:2005 record: the 14-byte finger image header and the image data.</summary>
public sealed record FingerImageInfo
{
    public required FingerPosition Position { get; init; }
    public byte ViewCount { get; init; } = 1;
    public byte ViewNumber { get; init; } = 1;
    /// <summary>0–100, or 254/255 as the standard defines.</summary>
    public byte Quality { get; init; }
    /// <summary>0 live-scan plain, 1 live-scan rolled, 2/3 non-live, 7 latent, 8 swipe, 9 contactless.</summary>
    public byte ImpressionType { get; init; }
    public required ushort Width { get; init; }
    public required ushort Height { get; init; }
    public required byte[] ImageData { get; init; }

    public int EncodedLength => 14 + ImageData.Length;
}
