using Station.Personalization.Biometrics;
using Station.Personalization.Tests.TestSupport;

namespace Station.Personalization.Tests.Biometrics;

public class FingerRecordTests
{
    // icao-9303.md §5.3: BSI2008 DG3, first record (right index, WSQ, 620x620 at 500 ppi) up to the WSQ marker.
    private const string Bsi2008FirstRecordPrefix =
        "46495200303130000000000040330000001F010101F401F401F401F408020000000040130201016400026C026C00FFA0";

    internal static FingerRecord Bsi2008ShapedRecord(FingerPosition position, int imageLength)
    {
        var image = new byte[imageLength];
        image[0] = 0xFF;
        image[1] = 0xA0;
        return new FingerRecord
        {
            Compression = FingerImageCompression.Wsq,
            Images = [new FingerImageInfo { Position = position, Quality = 100, Width = 620, Height = 620, ImageData = image }],
        };
    }

    [Fact]
    public void Header_bytes_equal_the_BSI2008_record()
    {
        byte[] encoded = Bsi2008ShapedRecord(FingerPosition.RightIndex, 0x4013 - 14).Encode();

        Assert.Equal(0x4033, encoded.Length);
        Assert.Equal(Bsi2008FirstRecordPrefix, Hex.Of(encoded.AsSpan(0, Bsi2008FirstRecordPrefix.Length / 2)));
    }

    [Fact]
    public void Round_trip_keeps_every_field()
    {
        var record = new FingerRecord
        {
            CaptureDeviceId = 0x1234, AcquisitionLevel = 41, ScaleUnits = 2,
            ScanResolutionHorizontal = 197, ScanResolutionVertical = 198, ImageResolutionHorizontal = 196, ImageResolutionVertical = 195,
            Compression = FingerImageCompression.Png,
            Images =
            [
                new FingerImageInfo { Position = FingerPosition.LeftIndex, Quality = 80, ImpressionType = 8, Width = 3, Height = 4, ImageData = [1, 2, 3] },
                new FingerImageInfo { Position = FingerPosition.LeftIndex, ViewCount = 2, ViewNumber = 2, Width = 5, Height = 6, ImageData = [9] },
            ],
        };

        byte[] encoded = record.Encode();
        var decoded = FingerRecord.Decode(encoded);

        Assert.Equal(encoded, decoded.Encode());
        Assert.Equal((ushort)0x1234, decoded.CaptureDeviceId);
        Assert.Equal((ushort)195, decoded.ImageResolutionVertical);
        Assert.Equal(2, decoded.Images.Count);
        Assert.Equal(FingerPosition.LeftIndex, decoded.Images[0].Position);
        Assert.Equal((byte)8, decoded.Images[0].ImpressionType);
        Assert.Equal((byte)2, decoded.Images[1].ViewNumber);
    }

    [Fact]
    public void Gray8_pixels_survive_the_lossless_png_record()
    {
        byte[] pixels = TestImages.Gray8Ridges(64, 48);
        var finger = new FingerImage(FingerPosition.RightIndex, 64, 48, 500, 77, pixels);

        var record = FingerRecord.Decode(FingerImageEncoder.ToRecord(finger).Encode());

        Assert.Equal(FingerImageCompression.Png, record.Compression);
        var view = Assert.Single(record.Images);
        Assert.Equal(FingerPosition.RightIndex, view.Position);
        Assert.Equal((byte)77, view.Quality);
        Assert.Equal((ushort)500, record.ImageResolutionHorizontal);
        Assert.Equal(pixels, FingerImageEncoder.DecodeGray8(view.ImageData));
    }

    [Fact]
    public void Pixel_count_mismatch_is_a_clear_error()
    {
        var finger = new FingerImage(FingerPosition.RightIndex, 10, 10, 500, 50, new byte[99]);
        var error = Assert.Throws<ArgumentException>(() => FingerImageEncoder.ToRecord(finger));
        Assert.Contains("99 pixel bytes for 10x10", error.Message, StringComparison.Ordinal);
    }
}
