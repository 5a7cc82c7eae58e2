using Station.Personalization.Biometrics;
using Station.Personalization.Tests.TestSupport;

namespace Station.Personalization.Tests.Biometrics;

public class FaceRecordTests
{
    // icao-9303.md §5.2: the BSI2008 facial record header up to the first bytes of its JPEG2000 image.
    private const string Bsi2008RecordPrefix =
        "464143003031300000003AC5000100003AB7000000000000000000000000000000000101015101C10000000000000000000C6A502020";

    internal static FaceRecord Bsi2008ShapedRecord()
    {
        var image = new byte[15045 - 14 - 32];
        Hex.Bytes("0000000C6A502020").CopyTo(image, 0);
        return new FaceRecord([new FaceImageInfo
        {
            FaceImageType = FaceImageType.FullFrontal,
            ImageDataType = FaceImageDataType.Jpeg2000,
            Width = 337,
            Height = 449,
            ImageData = image,
        }]);
    }

    [Fact]
    public void Header_bytes_equal_the_BSI2008_record()
    {
        byte[] encoded = Bsi2008ShapedRecord().Encode();

        Assert.Equal(15045, encoded.Length);
        Assert.Equal(Bsi2008RecordPrefix, Hex.Of(encoded.AsSpan(0, Bsi2008RecordPrefix.Length / 2)));
    }

    [Fact]
    public void Round_trip_keeps_every_field_and_feature_points()
    {
        var record = new FaceRecord([new FaceImageInfo
        {
            Gender = 2, EyeColor = 3, HairColor = 2, FeatureMask = 0x000003, Expression = 1,
            PoseAngle = [1, 2, 3], PoseAngleUncertainty = [4, 5, 6],
            FeaturePoints = [new FacialFeaturePoint(1, 12, 1, 100, 120), new FacialFeaturePoint(1, 12, 2, 200, 121)],
            FaceImageType = FaceImageType.TokenFrontal, Width = 10, Height = 20, ColorSpace = 1, SourceType = 2,
            DeviceType = 7, Quality = 9, ImageData = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3],
        }]);

        byte[] encoded = record.Encode();
        var decoded = FaceRecord.Decode(encoded);

        Assert.Equal(encoded, decoded.Encode());
        var image = Assert.Single(decoded.Images);
        Assert.Equal(2, image.Gender);
        Assert.Equal(0x000003, image.FeatureMask);
        Assert.Equal([1, 2, 3], image.PoseAngle);
        Assert.Equal(new FacialFeaturePoint(1, 12, 2, 200, 121), image.FeaturePoints[1]);
        Assert.Equal(FaceImageType.TokenFrontal, image.FaceImageType);
        Assert.Equal((ushort)20, image.Height);
        Assert.Equal(record.Images[0].ImageData, image.ImageData);
    }

    [Fact]
    public void Decode_rejects_a_wrong_identifier_and_a_wrong_length()
    {
        byte[] encoded = Bsi2008ShapedRecord().Encode();
        var wrongId = (byte[])encoded.Clone();
        wrongId[0] = (byte)'X';
        Assert.Contains("FAC", Assert.Throws<FormatException>(() => FaceRecord.Decode(wrongId)).Message, StringComparison.Ordinal);
        Assert.Contains("header says", Assert.Throws<FormatException>(() => FaceRecord.Decode(encoded.AsSpan(0, 100))).Message, StringComparison.Ordinal);
    }
}
