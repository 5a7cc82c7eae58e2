using SkiaSharp;
using Station.Personalization.Biometrics;
using Station.Personalization.Chip;
using Station.Personalization.Tests.TestSupport;

namespace Station.Personalization.Tests.Biometrics;

public class PortraitEncoderTests
{
    [Fact]
    public void Large_portrait_is_scaled_to_420_high_and_fits_20000_bytes()
    {
        byte[] captured = TestImages.GradientJpeg(900, 1200);

        byte[] jpeg = new PortraitEncoder().Encode(captured);

        Assert.True(jpeg.Length <= 20_000, $"{jpeg.Length} bytes");
        using var codec = SKCodec.Create(new MemoryStream(jpeg));
        Assert.Equal(SKEncodedImageFormat.Jpeg, codec.EncodedFormat);
        Assert.Equal(420, codec.Info.Height);
        Assert.Equal(315, codec.Info.Width);
    }

    [Fact]
    public void Portrait_already_within_the_byte_budget_is_kept_byte_for_byte()
    {
        byte[] captured = TestImages.GradientJpeg(480, 640, quality: 80);
        Assert.True(captured.Length <= 20_000, $"test input is {captured.Length} bytes");

        Assert.Equal(captured, new PortraitEncoder().Encode(captured));
    }

    [Fact]
    public void Truncated_jpeg_within_the_budget_is_still_PortraitInvalid()
    {
        byte[] truncated = TestImages.GradientJpeg(480, 640, quality: 80)[..2000];
        var error = Assert.Throws<ChipDataException>(() => new PortraitEncoder().Encode(truncated));
        Assert.Equal("PortraitInvalid", error.Reason);
    }

    [Fact]
    public void Not_a_jpeg_is_PortraitInvalid()
    {
        var error = Assert.Throws<ChipDataException>(() => new PortraitEncoder().Encode("GIF89a-not-a-jpeg"u8.ToArray()));
        Assert.Equal("PortraitInvalid", error.Reason);
        Assert.Contains("not a JPEG", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Corrupt_jpeg_is_PortraitInvalid()
    {
        byte[] corrupt = TestImages.GradientJpeg(64, 64)[..20];
        var error = Assert.Throws<ChipDataException>(() => new PortraitEncoder().Encode(corrupt));
        Assert.Equal("PortraitInvalid", error.Reason);
    }

    [Fact]
    public void Portrait_that_cannot_meet_the_budget_is_PortraitTooLarge()
    {
        byte[] noise = TestImages.NoiseJpeg(300, 400);

        var error = Assert.Throws<ChipDataException>(() => new PortraitEncoder(new PortraitBudget(MaxBytes: 5_000)).Encode(noise));

        Assert.Equal("PortraitTooLarge", error.Reason);
        Assert.Contains("5000 bytes", error.Message, StringComparison.Ordinal);
    }
}
