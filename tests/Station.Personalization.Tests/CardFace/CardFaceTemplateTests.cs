using SkiaSharp;
using Station.Personalization.Applicants;
using Station.Personalization.CardFace;
using Station.Personalization.Mrz;
using Station.Personalization.Profiles;
using Station.Personalization.Tests.Applicants;

namespace Station.Personalization.Tests.CardFace;

public sealed class CardFaceTemplateTests
{
    private static readonly ProfileRegistry Profiles = ProfileRegistry.Load();
    private static readonly CountryProfile Vnm = Profiles.Get("VNM");

    [Theory]
    [InlineData("vnm-01-nguyen-van-an.json")]
    [InlineData("vnm-06-nguyen-huu-duc-long-address.json")]
    [InlineData("vnm-04-le-hoang-bao-ngoc-child.json")]
    public void CardsOnTheCachedTemplateHaveTheSamePixelsAsCardsDrawnFromScratch(string sample)
    {
        // Another applicant first, so the cached template has served a card before this one.
        Render(TestApplicants.NguyenVanAn() with { FullName = "Trần Thị Bích Ngọc Hương Giang Phương Thảo" }, template: null);
        var applicant = Applicant(sample);

        var cached = CardFaceRenderer.Render(applicant, Td1MrzBuilder.Build(applicant, Vnm).Lines, Portrait.Jpeg, Vnm);
        var fresh = Render(applicant, template: null);

        AssertSamePixels(fresh.FrontPng, cached.FrontPng, "front");
        AssertSamePixels(fresh.BackPng, cached.BackPng, "back");
    }

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

    [Fact]
    public void TheTemplateIsDrawnOncePerProfile()
    {
        Assert.Same(CardFaceTemplate.For(Vnm), CardFaceTemplate.For(Vnm));
        var withoutQr = Vnm with { QrFormat = null };
        Assert.NotSame(CardFaceTemplate.For(Vnm), CardFaceTemplate.For(withoutQr));
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

    private static CardFaceImages Render(Applicant applicant, CardFaceTemplate? template) =>
        CardFaceRenderer.Render(applicant, Td1MrzBuilder.Build(applicant, Vnm).Lines, Portrait.Jpeg, Vnm, template);

    private static Applicant Applicant(string sample) =>
        new ApplicantIntake(Profiles, FixedTimeProvider.On(2026, 11, 27)).Validate(SampleFiles.Read(sample)).Applicant!;

    private static void AssertSamePixels(byte[] expectedPng, byte[] actualPng, string side)
    {
        using var expected = SKBitmap.Decode(expectedPng);
        using var actual = SKBitmap.Decode(actualPng);
        Assert.Equal((expected.Width, expected.Height), (actual.Width, actual.Height));
        var expectedPixels = expected.GetPixelSpan();
        var actualPixels = actual.GetPixelSpan();
        var differing = 0;
        for (var i = 0; i < expectedPixels.Length; i++)
        {
            differing += expectedPixels[i] == actualPixels[i] ? 0 : 1;
        }

        Assert.True(differing == 0, $"{differing} of the {side}'s pixel bytes differ between the cached template and a fresh render");
    }
}
