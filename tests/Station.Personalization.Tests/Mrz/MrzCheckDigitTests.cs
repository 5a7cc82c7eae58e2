using Station.Personalization.Mrz;

namespace Station.Personalization.Tests.Mrz;

/// <summary>Vectors §1.1 (Doc 9303 Part 3 Appendix A and the worked examples).</summary>
public class MrzCheckDigitTests
{
    [Theory]
    [InlineData("520727", '3')]
    [InlineData("AB2134<<<", '5')]
    [InlineData("D23145890734", '9')]
    [InlineData("340712", '7')]
    [InlineData("950712", '2')]
    [InlineData("L898902C<", '3')]
    [InlineData("690806", '1')]
    [InlineData("940623", '6')]
    [InlineData("L898902C3", '6')]
    [InlineData("740812", '2')]
    [InlineData("120415", '9')]
    [InlineData("ZE184226B<<<<<", '1')]
    [InlineData("T22000129", '3')]
    [InlineData("640812", '5')]
    [InlineData("101031", '8')]
    [InlineData("C11T002JM", '4')]
    [InlineData("960812", '2')]
    [InlineData("231031", '4')]
    [InlineData("131031", '7')]
    [InlineData("D231458907<<<<<<<<<<<<<<<34071279507122<<<<<<<<<<<", '2')]
    [InlineData("HA672242<658022549601086<<<<<<<", '8')]
    [InlineData("HA672242<658022549601086<<<<<<<<<<<<<<0", '8')]
    public void ComputesPublishedCheckDigits(string field, char expected) =>
        Assert.Equal(expected, MrzCheckDigit.Compute(field));

    [Fact]
    public void Td3CompositeOfAppendixA()
    {
        const string line = "HA672242<6YTO5802254M9601086<<<<<<<<<<<<<<0";
        var composite = string.Concat(line.AsSpan(0, 10), line.AsSpan(13, 7), line.AsSpan(21, 22));
        Assert.Equal('8', MrzCheckDigit.Compute(composite));
    }

    [Fact]
    public void RejectsCharactersOutsideTheMrzSet()
    {
        var error = Assert.Throws<ArgumentException>(() => MrzCheckDigit.Compute("AB-12"));
        Assert.Contains("'-'", error.Message, StringComparison.Ordinal);
    }
}
