namespace Station.Personalization.Biometrics;

/// <summary>
/// One facial image of an ISO/IEC 19794-5:2005 record: the Facial Information block, its feature points and the
/// Image Information block with the image data. Codes are the record's own (see the standard's tables).
/// </summary>
public sealed record FaceImageInfo
{
    /// <summary>0 unspecified, 1 male, 2 female, 0xFF unknown.</summary>
    public byte Gender { get; init; }
    public byte EyeColor { get; init; }
    public byte HairColor { get; init; }
    /// <summary>24-bit property mask (bit 0 = properties specified).</summary>
    public int FeatureMask { get; init; }
    public ushort Expression { get; init; }
    /// <summary>Yaw, pitch, roll (3 bytes as coded).</summary>
    public byte[] PoseAngle { get; init; } = new byte[3];
    public byte[] PoseAngleUncertainty { get; init; } = new byte[3];
    public IReadOnlyList<FacialFeaturePoint> FeaturePoints { get; init; } = [];
    public FaceImageType FaceImageType { get; init; } = FaceImageType.FullFrontal;
    public FaceImageDataType ImageDataType { get; init; } = FaceImageDataType.Jpeg;
    public required ushort Width { get; init; }
    public required ushort Height { get; init; }
    /// <summary>0 unspecified, 1 RGB24, 2 YUV422, 3 GRAY8, 4 other.</summary>
    public byte ColorSpace { get; init; }
    /// <summary>0 unspecified, 1 static photo, 2 digital camera, 3 scanner, 4–6 video.</summary>
    public byte SourceType { get; init; }
    public ushort DeviceType { get; init; }
    public ushort Quality { get; init; }
    public required byte[] ImageData { get; init; }

    /// <summary>Facial record data length: 20 + 8·feature points + 12 + image length.</summary>
    public int EncodedLength => 20 + 8 * FeaturePoints.Count + 12 + ImageData.Length;
}
