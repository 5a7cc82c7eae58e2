using Station.Personalization.Applicants;
using Station.Personalization.Lds;
using Station.Personalization.Mrz;
using Station.Personalization.Profiles;

namespace Station.Personalization.Tests.Applicants;

public class SampleApplicantTests
{
    private static readonly ProfileRegistry Profiles = ProfileRegistry.Load();
    private static readonly ApplicantIntake Intake = new(Profiles, FixedTimeProvider.On(2026, 11, 27));

    [Fact]
    public void ThereAreAtLeastTwelveVietnameseAndTwoIcaoSamples()
    {
        Assert.True(SampleFiles.Vietnamese().Count() >= 12);
        Assert.True(SampleFiles.All().Count(f => ((string)f[0]).StartsWith("icao-", StringComparison.Ordinal)) >= 2);
    }

    [Theory]
    [MemberData(nameof(SampleFiles.All), MemberType = typeof(SampleFiles))]
    public void EverySamplePassesIntakeAndHasAnMrz(string file)
    {
        var result = Intake.Validate(SampleFiles.Read(file));
        Assert.True(result.IsValid, string.Join("; ", result.Errors));

        var applicant = result.Applicant!;
        var mrz = Td1MrzBuilder.Build(applicant, Profiles.Get(applicant.Profile));
        var parsed = MrzParser.Parse(mrz.Text);
        Assert.Empty(parsed.CheckDigitErrors);
        Assert.Equal(mrz.MrzInformation, parsed.MrzInformation);
    }

    [Theory]
    [MemberData(nameof(SampleFiles.Vietnamese), MemberType = typeof(SampleFiles))]
    public void Dg13RoundTripsForEveryVietnameseSample(string file)
    {
        var applicant = Intake.Validate(SampleFiles.Read(file)).Applicant!;
        var dg13 = Dg13File.FromApplicant(applicant, Profiles.Get("VNM"));
        var bytes = dg13.Encode();
        var decoded = Dg13File.Decode(bytes);

        Assert.Equal(dg13, decoded with { UnknownFields = dg13.UnknownFields });
        Assert.Equal(applicant.FullName, decoded.FullName);
        Assert.Equal(applicant.PlaceOfResidence, decoded.PlaceOfResidence);
        Assert.Equal(bytes, decoded.Encode());
    }

    [Fact]
    public void TheGuideApplicantGivesTheGuideMrz()
    {
        var applicant = Intake.Validate(SampleFiles.Read("vnm-01-nguyen-van-an.json")).Applicant!;
        Assert.Equal(new DateOnly(2030, 1, 15), applicant.DateOfExpiry);
        Assert.Equal(
            ["IDVNM0900123450001090012345<<1", "9001158M3001156VNM<<<<<<<<<<<8", "NGUYEN<<VAN<AN<<<<<<<<<<<<<<<<"],
            Td1MrzBuilder.Build(applicant, Profiles.Get("VNM")).Lines);
    }

    [Theory]
    [InlineData("vnm-03-pham-dinh-uoc-elderly.json", null)]
    [InlineData("vnm-04-le-hoang-bao-ngoc-child.json", "2030-09-21")]
    [InlineData("vnm-10-vu-quoc-khanh.json", "2030-05-19")]
    [InlineData("vnm-11-bui-thi-thu-ha-grace.json", "2046-12-20")]
    [InlineData("vnm-12-dang-van-lam.json", "2043-08-13")]
    [InlineData("icao-02-uto-teresa-canon.json", "2034-01-15")]
    public void ExpiryFollowsTheProfileRule(string file, string? expected)
    {
        var applicant = Intake.Validate(SampleFiles.Read(file)).Applicant!;
        Assert.Equal(expected is null ? null : DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), applicant.DateOfExpiry);
    }

    [Fact]
    public void ElderlySampleHasNoExpiryInMrzAndDg13()
    {
        var applicant = Intake.Validate(SampleFiles.Read("vnm-03-pham-dinh-uoc-elderly.json")).Applicant!;
        Assert.Equal("991231", Td1MrzBuilder.Build(applicant, Profiles.Get("VNM")).Lines[1][8..14]);
        Assert.Equal("Không thời hạn", Dg13File.FromApplicant(applicant, Profiles.Get("VNM")).DateOfExpiry);
    }

    [Fact]
    public void SpecimenSamplesGiveTheIcaoMrz()
    {
        var eriksson = Intake.Validate(SampleFiles.Read("icao-01-uto-eriksson-long-number.json")).Applicant!;
        Assert.Equal("D23145890734934071279507122", Td1MrzBuilder.Build(eriksson, Profiles.Get("ICAO-TD1")).MrzInformation);

        var canon = Intake.Validate(SampleFiles.Read("icao-02-uto-teresa-canon.json")).Applicant!;
        var lines = Td1MrzBuilder.Build(canon, Profiles.Get("ICAO-TD1")).Lines;
        Assert.Equal("IDUTOZE184226B1AB12<<<<<<<<<<<", lines[0]);
        Assert.Equal("CANXXON<<TERESA<<<<<<<<<<<<<<<", lines[2]);
    }
}
