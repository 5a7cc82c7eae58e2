using Station.Personalization.Biometrics;
using Station.Personalization.Lds;
using Station.Personalization.Tests.Biometrics;
using Station.Personalization.Tests.TestSupport;

namespace Station.Personalization.Tests.Lds;

public class Dg3FileTests
{
    // icao-9303.md §5.3: BSI2008 DG3 (32476 bytes) start and its second template at offset 0x4059.
    private const string Bsi2008Prefix =
        "63827ED87F61827ED30201027F60824048A10E81010882010987020101880200075F2E82403346495200303130000000000040330000001F010101F401F401F401F408020000000040130201016400026C026C00FFA0";
    private const string Bsi2008SecondTemplate =
        "7F60823E7EA10E81010882010A87020101880200075F2E823E694649520030313000000000003E690000001F010101F401F401F401F40802000000003E490701016400026C026C00FFA0";

    private static BiometricHeaderTemplate Bsi2008Header(byte subtype) => new()
    {
        BiometricType = 0x08, BiometricSubtype = subtype, FormatOwner = 0x0101, FormatType = 0x0007,
    };

    [Fact]
    public void Cbeff_and_record_headers_equal_the_BSI2008_DG3()
    {
        var dg3 = new Dg3File(
        [
            new Dg3File.Finger(Bsi2008Header(0x09), FingerRecordTests.Bsi2008ShapedRecord(FingerPosition.RightIndex, 0x4013 - 14)),
            new Dg3File.Finger(Bsi2008Header(0x0A), FingerRecordTests.Bsi2008ShapedRecord(FingerPosition.LeftIndex, 0x3E49 - 14)),
        ]).Encode();

        Assert.Equal(32476, dg3.Length);
        Assert.Equal(Bsi2008Prefix, Hex.Of(dg3.AsSpan(0, Bsi2008Prefix.Length / 2)));
        Assert.Equal(Bsi2008SecondTemplate, Hex.Of(dg3.AsSpan(0x4059, Bsi2008SecondTemplate.Length / 2)));
    }

    [Theory]
    [InlineData(FingerPosition.RightThumb, 0x05)]
    [InlineData(FingerPosition.RightIndex, 0x09)]
    [InlineData(FingerPosition.RightLittle, 0x15)]
    [InlineData(FingerPosition.LeftIndex, 0x0A)]
    [InlineData(FingerPosition.LeftMiddle, 0x0E)]
    public void Subtype_follows_Part10_Table49(FingerPosition position, byte subtype) =>
        Assert.Equal(subtype, Dg3File.SubtypeOf(position));

    [Fact]
    public void Unknown_finger_position_has_no_subtype()
    {
        var error = Assert.Throws<ArgumentException>(() => Dg3File.SubtypeOf(FingerPosition.Unknown));
        Assert.Contains("subtype", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_index_fingers_round_trip_with_their_subtypes_and_pixels()
    {
        byte[] right = TestImages.Gray8Ridges(40, 50);
        byte[] left = TestImages.Gray8Ridges(30, 20);
        var dg3 = Dg3File.FromImages(
        [
            new FingerImage(FingerPosition.RightIndex, 40, 50, 500, 90, right),
            new FingerImage(FingerPosition.LeftIndex, 30, 20, 500, 60, left),
        ]);

        byte[] encoded = dg3.Encode();
        var decoded = Dg3File.Decode(encoded);

        Assert.Equal(0x63, encoded[0]);
        Assert.Equal(encoded, decoded.Encode());
        Assert.Equal([(byte)0x09, (byte)0x0A], decoded.Fingers.Select(f => f.Header.BiometricSubtype!.Value));
        Assert.Equal(right, FingerImageEncoder.DecodeGray8(decoded.Fingers[0].Record.Images[0].ImageData));
        Assert.Equal(left, FingerImageEncoder.DecodeGray8(decoded.Fingers[1].Record.Images[0].ImageData));
    }

    [Fact]
    public void Template_without_subtype_is_refused()
    {
        var header = new BiometricHeaderTemplate { BiometricType = 0x08, FormatOwner = 0x0101, FormatType = 0x0007 };
        var dg3 = new Dg3File([new Dg3File.Finger(header, FingerRecordTests.Bsi2008ShapedRecord(FingerPosition.RightIndex, 10))]);
        Assert.Contains("subtype", Assert.Throws<InvalidOperationException>(dg3.Encode).Message, StringComparison.Ordinal);
    }
}
