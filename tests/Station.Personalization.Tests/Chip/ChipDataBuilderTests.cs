using System.Security.Cryptography;
using Station.Personalization.Applicants;
using Station.Personalization.Biometrics;
using Station.Personalization.Chip;
using Station.Personalization.Lds;
using Station.Personalization.Mrz;
using Station.Personalization.Profiles;
using Station.Personalization.Tests.Applicants;
using Station.Personalization.Tests.TestSupport;
using Station.Personalization.Verification;

namespace Station.Personalization.Tests.Chip;

public class ChipDataBuilderTests(SoftwarePki pki) : IClassFixture<SoftwarePki>
{
    private static readonly ProfileRegistry Profiles = ProfileRegistry.Load();
    private static readonly FixedTimeProvider Today = FixedTimeProvider.On(2026, 11, 27);
    private static readonly byte[] Portrait = TestImages.GradientJpeg(480, 640);
    private static readonly IReadOnlyList<FingerImage> Fingers =
    [
        new(FingerPosition.RightIndex, 256, 288, 500, 80, TestImages.Gray8Ridges(256, 288)),
        new(FingerPosition.LeftIndex, 256, 288, 500, 75, TestImages.Gray8Ridges(256, 288)),
    ];

    private ChipDataBuilder Builder => new(Profiles, pki.Signer, new ChipKeyFactory(), Today);

    private static Applicant Sample(string file) => new ApplicantIntake(Profiles, Today).Validate(SampleFiles.Read(file)).Applicant!;

    [Theory]
    [MemberData(nameof(SampleFiles.All), MemberType = typeof(SampleFiles))]
    public void EverySampleBuildsChipDataThatPassesPassiveAuthentication(string file)
    {
        var applicant = Sample(file);
        var image = Builder.Build(applicant, new BiometricCapture(Portrait, Fingers));

        var dataGroups = image.Files.Where(f => f.Name.StartsWith("DG", StringComparison.Ordinal))
            .ToDictionary(f => int.Parse(f.Name[2..], System.Globalization.CultureInfo.InvariantCulture), f => f.Content);
        var report = new PassiveAuthenticator().Verify(dataGroups, image.File("SOD").Content, pki.Pki.Csca, Today.GetUtcNow());
        Assert.True(report.AllPerformed, string.Join("\n", report.Checks));

        var profile = Profiles.Get(applicant.Profile);
        Assert.Equal(profile.DataGroups.Order(), dataGroups.Keys.Order());
        Assert.Equal(["COM", .. profile.DataGroups.Select(n => $"DG{n}"), "SOD"], image.Files.Select(f => f.Name));
        Assert.Equal(profile.DataGroups, ComFile.Decode(image.File("COM").Content).DataGroups);
        Assert.Equal(Td1MrzBuilder.Build(applicant, profile).Text, Dg1File.Decode(image.File("DG1").Content).Mrz);
        Assert.True(image.File("DG2").Content.Length <= profile.PortraitBudgetBytes + 200, "DG2 exceeds the portrait budget");
        Assert.Equal(Convert.FromHexString("31143012060A04007F0007020204020202010202010D"), image.CardAccess);
    }

    [Fact]
    public void VietnameseCardUsesTheLastSixDigitsOfTheIdAsCanAndCarriesDg13()
    {
        var applicant = Sample("vnm-01-nguyen-van-an.json");
        var image = Builder.Build(applicant, new BiometricCapture(Portrait, Fingers));

        Assert.Equal(applicant.IdNumber![^6..], image.Can);
        Assert.Equal(applicant.IdNumber, Dg13File.Decode(image.File("DG13").Content).IdNumber);
    }

    [Fact]
    public void EachCardGetsItsOwnKeysAndTheSecretsMatchDg14AndDg15()
    {
        var applicant = Sample("vnm-01-nguyen-van-an.json");
        var first = Builder.Build(applicant, new BiometricCapture(Portrait, Fingers));
        var second = Builder.Build(applicant, new BiometricCapture(Portrait, Fingers));

        Assert.NotEqual(first.File("DG15").Content, second.File("DG15").Content);
        using var aa = ECDsa.Create();
        aa.ImportPkcs8PrivateKey(first.Secrets.ActiveAuthenticationPrivateKey, out _);
        Assert.Equal(Dg15File.Decode(first.File("DG15").Content).SubjectPublicKeyInfo, aa.ExportSubjectPublicKeyInfo());
    }

    [Fact]
    public void MissingFingerIsANamedError()
    {
        var applicant = Sample("vnm-01-nguyen-van-an.json");
        var error = Assert.Throws<ChipDataException>(() => Builder.Build(applicant, new BiometricCapture(Portrait, Fingers.Take(1).ToArray())));
        Assert.Equal("FingerMissing", error.Reason);
        Assert.Contains("LeftIndex", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PortraitThatIsNotAJpegIsRejected()
    {
        var applicant = Sample("vnm-01-nguyen-van-an.json");
        var error = Assert.Throws<ChipDataException>(() => Builder.Build(applicant, new BiometricCapture([1, 2, 3, 4], Fingers)));
        Assert.Equal("PortraitInvalid", error.Reason);
    }
}
