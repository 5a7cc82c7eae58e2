using SkiaSharp;
using Station.Personalization.Biometrics;
using Station.Personalization.Chip;

namespace Station.Personalization.Lds;

/// <summary>
/// EF.DG2 (tag <c>75</c>): encoded face, one ISO/IEC 19794-5 <see cref="FaceRecord"/> per CBEFF template
/// (Doc 9303 Part 10 §4.7.2).
/// </summary>
public sealed record Dg2File(IReadOnlyList<Dg2File.Face> Faces)
{
    /// <summary>One biometric template of DG2: its CBEFF header and the facial record.</summary>
    public sealed record Face(BiometricHeaderTemplate Header, FaceRecord Record);

    /// <summary>The header the station writes: type face, format owner SC37, format 19794-5.</summary>
    public static BiometricHeaderTemplate DefaultHeader { get; } = new()
    {
        IcaoHeaderVersion = 0x0101,
        BiometricType = BiometricHeaderTemplate.TypeFace,
        FormatOwner = BiometricHeaderTemplate.OwnerSc37,
        FormatType = BiometricHeaderTemplate.FormatFace,
    };

    /// <summary>Builds DG2 around a JPEG that already meets the budget (see <see cref="PortraitEncoder"/>).</summary>
    /// <param name="budgetedJpeg">The re-encoded portrait.</param>
    /// <param name="gender">Record gender code: 1 male, 2 female, 0 unspecified.</param>
    /// <exception cref="ChipDataException"><c>PortraitInvalid</c> when the bytes are not a decodable JPEG.</exception>
    public static Dg2File FromPortrait(byte[] budgetedJpeg, byte gender = 0)
    {
        ArgumentNullException.ThrowIfNull(budgetedJpeg);
        if (!PortraitEncoder.IsJpeg(budgetedJpeg))
            throw new ChipDataException("PortraitInvalid", "DG2 portrait is not a JPEG.");
        using var codec = SKCodec.Create(new MemoryStream(budgetedJpeg))
            ?? throw new ChipDataException("PortraitInvalid", "DG2 portrait JPEG header cannot be read.");
        var image = new FaceImageInfo
        {
            Gender = gender,
            FaceImageType = FaceImageType.FullFrontal,
            ImageDataType = FaceImageDataType.Jpeg,
            Width = checked((ushort)codec.Info.Width),
            Height = checked((ushort)codec.Info.Height),
            ColorSpace = codec.Info.ColorType == SKColorType.Gray8 ? (byte)3 : (byte)1, // GRAY8 or RGB24
            SourceType = 2, // digital still camera
            ImageData = budgetedJpeg,
        };
        return new Dg2File([new Face(DefaultHeader, new FaceRecord([image]))]);
    }

    /// <summary>The complete file, tag and length included.</summary>
    public byte[] Encode() => BiometricInformationGroup.Encode(DataGroupNumbers.Dg2Tag,
        [.. Faces.Select(f => new BiometricInformationTemplate(f.Header, f.Record.Encode()))]);

    public static Dg2File Decode(byte[] file)
    {
        var templates = BiometricInformationGroup.Decode(file, DataGroupNumbers.Dg2Tag, "DG2");
        return new Dg2File([.. templates.Select(t => new Face(t.Header, FaceRecord.Decode(t.BiometricDataBlock)))]);
    }
}
