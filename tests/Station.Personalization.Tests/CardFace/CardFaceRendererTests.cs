using System.Diagnostics;
using SkiaSharp;
using Station.Personalization.CardFace;
using Station.Personalization.Mrz;
using Station.Personalization.Profiles;
using Station.Personalization.Tests.Applicants;

namespace Station.Personalization.Tests.CardFace;

public sealed class CardFaceRendererTests : IDisposable
{
    private static readonly ProfileRegistry Profiles = ProfileRegistry.Load();
    private static readonly CountryProfile Vnm = Profiles.Get("VNM");
    private readonly string _directory = Directory.CreateTempSubdirectory("station-cardface-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void FrontAndBackArePngsOfTheCardSize()
    {
        var applicant = TestApplicants.NguyenVanAn();
        var faces = CardFaceRenderer.Render(applicant, Td1MrzBuilder.Build(applicant, Vnm).Lines, Portrait.Jpeg, Vnm);

        foreach (var png in new[] { faces.FrontPng, faces.BackPng })
        {
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
            using var codec = SKCodec.Create(new SKMemoryStream(png));
            Assert.Equal(SKEncodedImageFormat.Png, codec.EncodedFormat);
            Assert.Equal(1012, codec.Info.Width);
            Assert.Equal(638, codec.Info.Height);
        }
    }

    [Fact]
    public void FacesAreRgbWithoutAnAlphaChannel()
    {
        var applicant = TestApplicants.NguyenVanAn();
        var faces = CardFaceRenderer.Render(applicant, Td1MrzBuilder.Build(applicant, Vnm).Lines, Portrait.Jpeg, Vnm);

        // IHDR follows the signature: length, "IHDR", width, height, then bit depth 8 and colour type 2 (truecolour).
        foreach (var png in new[] { faces.FrontPng, faces.BackPng })
        {
            Assert.Equal("IHDR"u8.ToArray(), png[12..16]);
            Assert.Equal(new byte[] { 8, 2 }, png[24..26]);
        }
    }

    [Fact]
    public void FrontQrDecodesToTheProfileText()
    {
        var applicant = TestApplicants.NguyenVanAn();
        var faces = CardFaceRenderer.Render(applicant, Td1MrzBuilder.Build(applicant, Vnm).Lines, Portrait.Jpeg, Vnm);

        Assert.Equal(
            "001090012345|012345678|Nguyễn Văn An|15011990|Nam|Số 12 Ngõ 34 Phố Hàng Bạc, Phường Hàng Bạc, Quận Hoàn Kiếm, Hà Nội|27112026",
            DecodeQr(faces.FrontPng));
    }

    [Theory]
    [InlineData("vnm-06-nguyen-huu-duc-long-address.json")]
    [InlineData("vnm-04-le-hoang-bao-ngoc-child.json")]
    public void LongAddressesAndMissingOldIdsDecodeToo(string sample)
    {
        var intake = new Station.Personalization.Applicants.ApplicantIntake(Profiles, FixedTimeProvider.On(2026, 11, 27));
        var applicant = intake.Validate(SampleFiles.Read(sample)).Applicant!;
        var faces = CardFaceRenderer.Render(applicant, Td1MrzBuilder.Build(applicant, Vnm).Lines, Portrait.Jpeg, Vnm);
        Assert.Equal(QrTextFormatter.Format(Vnm.QrFormat!, applicant, Vnm), DecodeQr(faces.FrontPng));
    }

    [Fact]
    public void CardFontsCoverEveryVietnameseLetter()
    {
        const string letters = "ĐđƠơƯưĂăÂâÊêÔô ÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ";
        using var regular = new SKFont(CardFonts.Regular);
        using var bold = new SKFont(CardFonts.Bold);
        Assert.True(regular.ContainsGlyphs(letters));
        Assert.True(bold.ContainsGlyphs(letters));
    }

    [Fact]
    public void BackCarriesTheMrzBand()
    {
        var applicant = TestApplicants.NguyenVanAn();
        var faces = CardFaceRenderer.Render(applicant, Td1MrzBuilder.Build(applicant, Vnm).Lines, Portrait.Jpeg, Vnm);
        using var back = SKBitmap.Decode(faces.BackPng);
        var dark = 0;
        for (var y = 438; y < 638; y++)
        {
            for (var x = 0; x < 1012; x++)
            {
                dark += back.GetPixel(x, y).Red < 100 ? 1 : 0;
            }
        }

        Assert.True(dark > 5000, $"only {dark} dark pixels in the MRZ band");
    }

    [Fact]
    public void PortraitThatIsNotAnImageIsRefused()
    {
        var applicant = TestApplicants.NguyenVanAn();
        var error = Assert.Throws<ArgumentException>(() => CardFaceRenderer.Render(applicant, ["X"], [0xFF, 0xD8, 0x00, 0x01], Vnm));
        Assert.Contains("portrait", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void QrFormatWithAnUnknownPlaceholderIsRefused()
    {
        var profile = Vnm with { QrFormat = "{idNumber}|{shoeSize}" };
        var error = Assert.Throws<InvalidDataException>(() => QrTextFormatter.Format(profile.QrFormat!, TestApplicants.NguyenVanAn(), profile));
        Assert.Contains("{shoeSize}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderingWithAnUnknownQrPlaceholderIsRefusedAsSuch()
    {
        var profile = Vnm with { QrFormat = "{idNumber}|{shoeSize}" };
        var applicant = TestApplicants.NguyenVanAn();
        var error = Assert.Throws<InvalidDataException>(() => CardFaceRenderer.Render(applicant, Td1MrzBuilder.Build(applicant, Vnm).Lines, Portrait.Jpeg, profile));
        Assert.Contains("{shoeSize}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void QrTextForANonExpiringCardWithoutOldId()
    {
        var applicant = TestApplicants.NguyenVanAn() with { OldIdNumber = null, Sex = 'F', DateOfExpiry = null };
        Assert.Equal(
            "001090012345||Nguyễn Văn An|15011990|Nữ|Số 12 Ngõ 34 Phố Hàng Bạc, Phường Hàng Bạc, Quận Hoàn Kiếm, Hà Nội|27112026",
            QrTextFormatter.Format(Vnm.QrFormat!, applicant, Vnm));
    }

    /// <summary>Decodes the QR with zbar (Debian zbar-tools), an implementation independent of QRCoder.</summary>
    private string DecodeQr(byte[] png)
    {
        const string zbarimg = "/usr/bin/zbarimg";
        Assert.True(File.Exists(zbarimg), "zbarimg is missing: install the Debian package zbar-tools (test.sh does).");
        var path = Path.Combine(_directory, "front.png");
        File.WriteAllBytes(path, png);
        var start = new ProcessStartInfo(zbarimg, ["--raw", "-q", path])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"zbarimg found no QR code (exit {process.ExitCode}): {error}");
        return output.TrimEnd('\n');
    }
}
