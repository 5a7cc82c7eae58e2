using Station.Personalization.Biometrics;
using Station.Personalization.Chip;
using Station.Personalization.Lds;
using Station.Personalization.Tests.Biometrics;
using Station.Personalization.Tests.TestSupport;

namespace Station.Personalization.Tests.Lds;

public class Dg2FileTests
{
    // icao-9303.md §5.2: the BSI2008 DG2 (15083 bytes) up to the first bytes of its image.
    private const string Bsi2008Prefix =
        "75823AE77F61823AE20201017F60823ADAA10E81010282010087020101880200085F2E823AC5464143003031300000003AC5000100003AB7000000000000000000000000000000000101015101C10000000000000000000C6A502020";

    // GMRTD dg2_test.go header (BHT with 80 version, no type; token frontal, 0x94 x 0x46).
    private const string GmrtdPrefix =
        "758214397F618214340201017F6082142CA10C8002010187020101880200085F2E821419 464143003031300000001419 0001 0000140B 0000 00 00 00 000000 0000 000000 000000 02 01 0094 0046 00 00 0000 0000 FFD8";

    [Fact]
    public void Cbeff_and_record_headers_equal_the_BSI2008_DG2()
    {
        var header = new BiometricHeaderTemplate
        {
            BiometricType = 0x02, BiometricSubtype = 0x00,
            FormatOwner = BiometricHeaderTemplate.OwnerSc37, FormatType = BiometricHeaderTemplate.FormatFace,
        };
        byte[] dg2 = new Dg2File([new Dg2File.Face(header, FaceRecordTests.Bsi2008ShapedRecord())]).Encode();

        Assert.Equal(15083, dg2.Length);
        Assert.Equal(Bsi2008Prefix, Hex.Of(dg2.AsSpan(0, Bsi2008Prefix.Length / 2)));
    }

    [Fact]
    public void Cbeff_header_with_version_equals_the_GMRTD_DG2()
    {
        var image = new byte[0x140B - 32];
        image[0] = 0xFF;
        image[1] = 0xD8;
        var record = new FaceRecord([new FaceImageInfo
        {
            FaceImageType = FaceImageType.TokenFrontal, ImageDataType = FaceImageDataType.Jpeg2000,
            Width = 0x94, Height = 0x46, ImageData = image,
        }]);
        var header = new BiometricHeaderTemplate
        {
            IcaoHeaderVersion = 0x0101, FormatOwner = 0x0101, FormatType = 0x0008,
        };

        byte[] dg2 = new Dg2File([new Dg2File.Face(header, record)]).Encode();

        byte[] expected = Hex.Bytes(GmrtdPrefix);
        Assert.Equal(Hex.Of(expected), Hex.Of(dg2.AsSpan(0, expected.Length)));
    }

    [Fact]
    public void FromPortrait_round_trips_and_records_the_jpeg_size()
    {
        byte[] jpeg = new PortraitEncoder().Encode(TestImages.GradientJpeg(600, 800));

        byte[] encoded = Dg2File.FromPortrait(jpeg, gender: 1).Encode();
        var decoded = Dg2File.Decode(encoded);

        Assert.Equal(0x75, encoded[0]);
        Assert.Equal(encoded, decoded.Encode());
        var face = Assert.Single(decoded.Faces);
        Assert.Equal((byte)0x02, face.Header.BiometricType);
        Assert.Equal((ushort)0x0008, face.Header.FormatType);
        var image = Assert.Single(face.Record.Images);
        Assert.Equal(FaceImageDataType.Jpeg, image.ImageDataType);
        Assert.Equal((ushort)420, image.Height);
        Assert.Equal((ushort)315, image.Width);
        Assert.Equal((byte)1, image.Gender);
        Assert.Equal(jpeg, image.ImageData);
    }

    [Fact]
    public void FromPortrait_rejects_non_jpeg_bytes()
    {
        Assert.Equal("PortraitInvalid", Assert.Throws<ChipDataException>(() => Dg2File.FromPortrait([1, 2, 3, 4])).Reason);
    }

    [Fact]
    public void Decode_names_a_wrong_tag()
    {
        byte[] dg3Tagged = Dg3File.FromImages([new FingerImage(FingerPosition.RightIndex, 8, 8, 500, 50, new byte[64])]).Encode();
        var error = Assert.Throws<FormatException>(() => Dg2File.Decode(dg3Tagged));
        Assert.Contains("DG2", error.Message, StringComparison.Ordinal);
    }
}
