using SkiaSharp;
using Station.Personalization.CardFace;
using Station.Personalization.Mrz;
using Station.Personalization.Profiles;
using Station.Personalization.Tests.Applicants;

namespace Station.Personalization.Tests.CardFace;

public sealed class CardFaceDrawingTests
{
    private static readonly ProfileRegistry Profiles = ProfileRegistry.Load();
    private static readonly CountryProfile Vnm = Profiles.Get("VNM");

    [Fact]
    public void BackFieldsNeverPrintIntoTheMrzBand()
    {
        // Identifying marks long enough to wrap past the top of the band (about 25 lines): the band must look as it
        // does without them.
        var marks = string.Join(' ', Enumerable.Repeat("Sẹo chấm cách 2 cm dưới sau đuôi mắt trái", 40));
        var applicant = TestApplicants.NguyenVanAn();
        var profile = Vnm with { CardLayout = Vnm.CardLayout with { Back = [new CardField("identifyingMarks", MaxLines: 40)] } };
        var faces = CardFaceRenderer.Render(applicant with { IdentifyingMarks = marks }, Td1MrzBuilder.Build(applicant, Vnm).Lines, Portrait.Jpeg, profile);
        var withoutMarks = CardFaceRenderer.Render(applicant, Td1MrzBuilder.Build(applicant, Vnm).Lines, Portrait.Jpeg, profile);

        using var back = SKBitmap.Decode(faces.BackPng);
        using var plain = SKBitmap.Decode(withoutMarks.BackPng);
        var bandTop = CardFaceRenderer.Height - 200;
        var textJustAboveBand = Enumerable.Range(bandTop - 20, 20)
            .Any(y => Enumerable.Range(0, CardFaceRenderer.Width).Any(x => back.GetPixel(x, y) != plain.GetPixel(x, y)));
        Assert.True(textJustAboveBand, "the marks do not reach the band, so this test would prove nothing");
        for (var y = bandTop; y < CardFaceRenderer.Height; y++)
        {
            for (var x = 0; x < CardFaceRenderer.Width; x++)
            {
                Assert.True(back.GetPixel(x, y) == plain.GetPixel(x, y), $"back field text at ({x}, {y}) in the MRZ band");
            }
        }
    }

    [Theory]
    [InlineData(0.5f, SKMipmapMode.Nearest)]
    [InlineData(0.25f, SKMipmapMode.Nearest)]
    [InlineData(1f, SKMipmapMode.Nearest)]
    [InlineData(0.4f, SKMipmapMode.Linear)]
    [InlineData(0.75f, SKMipmapMode.Linear)]
    public void PortraitBlendsMipmapLevelsOnlyBetweenLevels(float scale, SKMipmapMode expected)
    {
        var sampling = CardFaceRenderer.PortraitSampling(scale);
        Assert.Equal(SKFilterMode.Linear, sampling.Filter);
        Assert.Equal(expected, sampling.Mipmap);
    }

    [Fact]
    public void AtHalfScaleTheNearestMipmapLevelGivesTheBlendedPixels()
    {
        using var portrait = SKBitmap.Decode(Portrait.Jpeg);
        using var image = SKImage.FromBitmap(portrait);

        byte[] Draw(SKMipmapMode mode)
        {
            using var surface = SKSurface.Create(new SKImageInfo(240, 320, SKColorType.Rgba8888, SKAlphaType.Premul));
            surface.Canvas.DrawImage(image, new SKRect(0, 0, 480, 640), new SKRect(0, 0, 240, 320), new SKSamplingOptions(SKFilterMode.Linear, mode));
            using var pixels = surface.PeekPixels();
            return pixels.GetPixelSpan().ToArray();
        }

        Assert.Equal(Draw(SKMipmapMode.Linear), Draw(SKMipmapMode.Nearest));
    }
}
