using Station.Personalization.Mrz;

namespace Station.Personalization.Tests.Mrz;

public class MrzParserTests
{
    [Fact]
    public void ParsesTheTd3Specimen()
    {
        var mrz = MrzParser.Parse("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10");

        Assert.Equal(MrzFormat.Td3, mrz.Format);
        Assert.Equal("P", mrz.DocumentCode);
        Assert.Equal("UTO", mrz.IssuingState);
        Assert.Equal("L898902C3", mrz.DocumentNumber);
        Assert.Equal("740812", mrz.DateOfBirth);
        Assert.Equal('F', mrz.Sex);
        Assert.Equal("120415", mrz.DateOfExpiry);
        Assert.Equal("ZE184226B", mrz.OptionalData1);
        Assert.Equal("ERIKSSON", mrz.PrimaryIdentifier);
        Assert.Equal("ANNA MARIA", mrz.SecondaryIdentifier);
        Assert.Empty(mrz.CheckDigitErrors);
        Assert.Equal("L898902C3674081221204159", mrz.MrzInformation);
    }

    [Fact]
    public void Td3KeyOfPart11AppendixD()
    {
        var mrz = MrzParser.Parse("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<L898902C<3UTO6908061F9406236ZE184226B<<<<<14");
        Assert.Equal("L898902C", mrz.DocumentNumber);
        Assert.Empty(mrz.CheckDigitErrors);
        Assert.Equal("L898902C<369080619406236", mrz.MrzInformation);
    }

    [Fact]
    public void ReportsEachWrongCheckDigit()
    {
        var mrz = MrzParser.Parse("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<L898902C<4UTO6908062F9406237ZE184226B<<<<<24");
        Assert.Equal(["documentNumber", "dateOfBirth", "dateOfExpiry", "personalNumber", "composite"], mrz.CheckDigitErrors);
    }

    [Fact]
    public void ParsesTheVietnameseExample()
    {
        var mrz = MrzParser.Parse("IDVNM0900123450001090012345<<19001158M3001156VNM<<<<<<<<<<<8NGUYEN<<VAN<AN<<<<<<<<<<<<<<<<");

        Assert.Equal(MrzFormat.Td1, mrz.Format);
        Assert.Equal("ID", mrz.DocumentCode);
        Assert.Equal("090012345", mrz.DocumentNumber);
        Assert.Equal("001090012345<<1", mrz.OptionalData1);
        Assert.Equal("NGUYEN", mrz.PrimaryIdentifier);
        Assert.Equal("VAN AN", mrz.SecondaryIdentifier);
        Assert.Empty(mrz.CheckDigitErrors);
        Assert.Equal("090012345090011583001156", mrz.MrzInformation);
    }

    [Fact]
    public void RebuildsALongDocumentNumberFromTheOverflow()
    {
        var mrz = MrzParser.Parse("I<UTOD23145890<7349<<<<<<<<<<<3407127M9507122UTO<<<<<<<<<<<2ERIKSSON<<ANNA<MARIA<<<<<<<<<<");
        Assert.Equal("D23145890734", mrz.DocumentNumber);
        Assert.Equal("D23145890734934071279507122", mrz.MrzInformation);
        Assert.Empty(mrz.OptionalData1);
    }

    [Fact]
    public void ReportsTheWrongCompositeOfThePart10Example()
    {
        // Vectors §6.3: P10 A.2.1 prints composite 4, which computes to 8.
        var mrz = MrzParser.Parse("I<NLDXI85935F86999999990<<<<<<7208148F1108268NLD<<<<<<<<<<<4VAN<DER<STEEN<<MARIANNE<LOUISE");
        Assert.Equal(["composite"], mrz.CheckDigitErrors);
        Assert.Equal("VAN DER STEEN", mrz.PrimaryIdentifier);
    }

    [Theory]
    [InlineData("P<UTOERIKSSON", "characters")]
    [InlineData("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nl898902C36UTO7408122F1204159ZE184226B<<<<<10", "'l'")]
    public void RejectsTextThatIsNotAnMrz(string text, string expected)
    {
        var error = Assert.Throws<MrzFormatException>(() => MrzParser.Parse(text));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
