using Station.Personalization.Verification;
using Station.Personalization.Tests.TestSupport;

namespace Station.Personalization.Tests.Verification;

public class MrzCheckDigitsTests
{
    [Theory] // icao-9303.md §1.1 (P3 Appendix A and the worked examples)
    [InlineData("520727", 3)]
    [InlineData("AB2134<<<", 5)]
    [InlineData("HA672242<658022549601086<<<<<<<<<<<<<<0", 8)]
    [InlineData("L898902C<", 3)]
    [InlineData("ZE184226B<<<<<", 1)]
    [InlineData("D23145890734", 9)]
    public void Check_digits_match_Part3(string field, int digit) => Assert.Equal(digit, MrzCheckDigits.Compute(field));

    [Fact]
    public void TD3_specimen_DG1_passes()
    {
        string mrz = MrzCheckDigits.ReadMrz(Hex.Bytes(SampleChipFiles.Td3SpecimenDg1));
        Assert.Empty(MrzCheckDigits.Failures(mrz));
    }

    [Fact]
    public void TD1_specimen_and_VNM_example_pass_and_a_wrong_composite_is_named()
    {
        const string td1 = "I<UTOD231458907<<<<<<<<<<<<<<<" + "7408122F1204159UTO<<<<<<<<<<<6" + "ERIKSSON<<ANNA<MARIA<<<<<<<<<<";
        const string vnm = "IDVNM0900123450001090012345<<1" + "9001158M3001156VNM<<<<<<<<<<<8" + "NGUYEN<<VAN<AN<<<<<<<<<<<<<<<<";
        Assert.Empty(MrzCheckDigits.Failures(td1));
        Assert.Empty(MrzCheckDigits.Failures(vnm));

        string broken = vnm[..59] + "7" + vnm[60..];
        Assert.Equal(["composite (expected 8, found '7')"], MrzCheckDigits.Failures(broken));
    }
}
