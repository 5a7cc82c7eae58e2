using Station.Personalization.Mrz;
using Station.Personalization.Profiles;
using Station.Personalization.Tests.Applicants;

namespace Station.Personalization.Tests.Mrz;

public class Td1MrzBuilderTests
{
    private static readonly ProfileRegistry Profiles = ProfileRegistry.Load();

    [Fact]
    public void ReproducesTheGuideVietnameseExample()
    {
        var mrz = Td1MrzBuilder.Build(TestApplicants.NguyenVanAn(), Profiles.Get("VNM"));

        Assert.Equal(
            ["IDVNM0900123450001090012345<<1", "9001158M3001156VNM<<<<<<<<<<<8", "NGUYEN<<VAN<AN<<<<<<<<<<<<<<<<"],
            mrz.Lines);
        Assert.Equal("0900123450" + "9001158" + "3001156", mrz.MrzInformation);
    }

    [Fact]
    public void CardWithoutExpiryUses991231()
    {
        var elderly = TestApplicants.NguyenVanAn() with { DateOfExpiry = null };
        var mrz = Td1MrzBuilder.Build(elderly, Profiles.Get("VNM"));
        Assert.Equal("991231", mrz.Lines[1][8..14]);
        Assert.Equal(MrzCheckDigit.Compute("991231"), mrz.Lines[1][14]);
    }

    [Fact]
    public void NineCharacterSpecimenOfPart5()
    {
        var mrz = Td1MrzBuilder.Build(new Td1MrzFields("I", "UTO", "D23145890", string.Empty, "340712", 'M', "950712", "UTO", string.Empty, "ERIKSSON<<ANNA<MARIA"));
        Assert.Equal(["I<UTOD231458907<<<<<<<<<<<<<<<", "3407127M9507122UTO<<<<<<<<<<<2", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"], mrz.Lines);
        Assert.Equal("D23145890734071279507122", mrz.MrzInformation);
    }

    [Fact]
    public void ShortDocumentNumberKeepsItsFillerInTheMrzKey()
    {
        // Part 11 D.1: MRZ_information L898902C<369080619406236.
        var mrz = Td1MrzBuilder.Build(new Td1MrzFields("I", "UTO", "L898902C", string.Empty, "690806", 'F', "940623", "UTO", string.Empty, "ERIKSSON<<ANNA<MARIA"));
        Assert.Equal("L898902C<369080619406236", mrz.MrzInformation);
        Assert.Equal("I<UTOL898902C<3", mrz.Lines[0][..15]);
        Assert.Equal("L898902C<369080619406236", MrzParser.Parse(mrz.Text).MrzInformation);
    }

    [Fact]
    public void LongDocumentNumberOverflowsIntoTheOptionalData()
    {
        var mrz = Td1MrzBuilder.Build(TestApplicants.UtopiaLongNumber(), Profiles.Get("ICAO-TD1"));

        Assert.Equal("I<UTOD23145890<7349<<<<<<<<<<<", mrz.Lines[0]);
        Assert.Equal("3407127M9507122UTO<<<<<<<<<<<", mrz.Lines[1][..29]);
        Assert.Equal("ERIKSSON<<ANNA<MARIA<<<<<<<<<<", mrz.Lines[2]);
        // Part 11 D.2 / vectors §6.7: the MRZ key uses the full 12-character number.
        Assert.Equal("D23145890734934071279507122", mrz.MrzInformation);
        Assert.Empty(MrzParser.Parse(mrz.Text).CheckDigitErrors);
    }

    [Fact]
    public void OptionalDataFollowsTheOverflow()
    {
        var applicant = TestApplicants.UtopiaLongNumber() with { OptionalData = "AB12" };
        var mrz = Td1MrzBuilder.Build(applicant, Profiles.Get("ICAO-TD1"));
        Assert.Equal("I<UTOD23145890<7349<AB12<<<<<<", mrz.Lines[0]);
        Assert.Equal("AB12", MrzParser.Parse(mrz.Text).OptionalData1);
    }

    [Fact]
    public void TooLongDocumentNumberIsAClearError()
    {
        var applicant = TestApplicants.UtopiaLongNumber() with { DocumentNumber = "D2314589073412345678901" };
        var error = Assert.Throws<MrzEncodingException>(() => Td1MrzBuilder.Build(applicant, Profiles.Get("ICAO-TD1")));
        Assert.Equal(nameof(Td1MrzFields.DocumentNumber), error.Element);
        Assert.Contains("D2314589073412345678901", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NameErrorsNameTheNameElement()
    {
        var applicant = TestApplicants.NguyenVanAn() with { FullName = "Nguyễn Văn 3" };
        Assert.Equal(nameof(Td1MrzFields.Name), Assert.Throws<MrzEncodingException>(() => Td1MrzBuilder.Build(applicant, Profiles.Get("VNM"))).Element);
    }

    [Theory]
    [InlineData("I", "Uto", nameof(Td1MrzFields.IssuingState))]
    [InlineData("IDX", "UTO", nameof(Td1MrzFields.DocumentCode))]
    public void BadCodesNameTheirElement(string code, string state, string element)
    {
        var fields = new Td1MrzFields(code, state, "D23145890", string.Empty, "340712", 'M', "950712", "UTO", string.Empty, "ERIKSSON<<ANNA");
        Assert.Equal(element, Assert.Throws<MrzEncodingException>(() => Td1MrzBuilder.Build(fields)).Element);
    }

    [Fact]
    public void UnspecifiedSexIsAFiller()
    {
        var applicant = TestApplicants.UtopiaLongNumber() with { Sex = 'X' };
        Assert.Equal('<', Td1MrzBuilder.Build(applicant, Profiles.Get("ICAO-TD1")).Lines[1][7]);
    }
}
