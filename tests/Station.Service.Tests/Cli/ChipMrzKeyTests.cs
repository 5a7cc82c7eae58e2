using Station.Service.Cli;

namespace Station.Service.Tests.Cli;

/// <summary><c>--mrz DOCNO,YYMMDD,YYMMDD</c> → MRZ information, checked against the Doc 9303 Part 11 Appendix D.2 specimen.</summary>
public sealed class ChipMrzKeyTests
{
    [Fact]
    public void The_specimen_gives_the_mrz_information_of_appendix_D()
    {
        Assert.Equal("L898902C<369080619406236", ChipMrzKey.Parse("L898902C,690806,940623"));
        Assert.Equal("L898902C<369080619406236", ChipMrzKey.Parse("l898902c, 690806 ,940623"));
    }

    [Theory]
    [InlineData("L898902C,690806", "must be DOCNO,YYMMDD,YYMMDD")]
    [InlineData("L89-8902C,690806,940623", "document number 'L89-8902C'")]
    [InlineData("L898902C,691306,940623", "date of birth '691306'")]
    [InlineData("L898902C,690806,9406", "date of expiry '9406'")]
    public void Bad_values_are_bad_input_naming_the_part(string value, string expected)
    {
        var error = Assert.Throws<ChipCommandException>(() => ChipMrzKey.Parse(value));
        Assert.Equal(2, error.ExitCode);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
