using Station.Personalization.Mrz;

namespace Station.Personalization.Tests.Mrz;

/// <summary>Vectors §1.7: the Part 3 §6.A table, Vietnamese letters, and the letters NFD does not decompose.</summary>
public class MrzTransliteratorTests
{
    [Theory]
    [InlineData("Æ", "AE")]
    [InlineData("Ð", "D")]
    [InlineData("Ø", "OE")]
    [InlineData("Þ", "TH")]
    [InlineData("Đ", "D")]
    [InlineData("đ", "D")]
    [InlineData("Ħ", "H")]
    [InlineData("Ĳ", "IJ")]
    [InlineData("Ŀ", "L")]
    [InlineData("Ł", "L")]
    [InlineData("Ŋ", "N")]
    [InlineData("Œ", "OE")]
    [InlineData("Ŧ", "T")]
    [InlineData("ı", "I")]
    [InlineData("ẞ", "SS")]
    [InlineData("ß", "SS")]
    [InlineData("ÀÁÂÃĀĂĄ", "AAAAAAA")]
    [InlineData("ÇĆĈĊČ", "CCCCC")]
    [InlineData("ĎÈÉÊËĒĔĖĘĚ", "DEEEEEEEEE")]
    [InlineData("ĜĞĠĢĤÌÍÎÏĨĪĬĮİ", "GGGGHIIIIIIIII")]
    [InlineData("ĴĶĹĻĽŃŅŇ", "JKLLLNNN")]
    [InlineData("ÒÓÔÕŌŎŐŔŖŘŚŜŞŠŢŤ", "OOOOOOORRRSSSSTT")]
    [InlineData("ÙÚÛŨŪŬŮŰŲŴÝŶŸŹŻŽ", "UUUUUUUUUWYYYZZZ")]
    public void MapsThePart3TableAndNonDecomposingLetters(string input, string expected) =>
        Assert.Equal(expected, MrzTransliterator.Transliterate(input));

    [Theory]
    [InlineData("Ệ", "E")]
    [InlineData("Ơ", "O")]
    [InlineData("Ư", "U")]
    [InlineData("Ắ", "A")]
    [InlineData("Ỹ", "Y")]
    [InlineData("ạảấầẩẫậắằẳẵặ", "AAAAAAAAAAAA")]
    [InlineData("ẹẻẽếềểễệ", "EEEEEEEE")]
    [InlineData("ỉịọỏốồổỗộớờởỡợ", "IIOOOOOOOOOOOO")]
    [InlineData("ụủứừửữựỳỵỷỹ", "UUUUUUUYYYY")]
    public void DropsEveryVietnameseToneMark(string input, string expected) =>
        Assert.Equal(expected, MrzTransliterator.Transliterate(input));

    [Fact]
    public void DecomposedInputGivesTheSameLetters() =>
        Assert.Equal("NGUYEN VAN DUC", MrzTransliterator.Transliterate("Nguyễn Văn Đức".Normalize(System.Text.NormalizationForm.FormD)));

    [Fact]
    public void ProfileOverridesPickTheAlternativeForms()
    {
        var overrides = new Dictionary<string, string> { ["Ñ"] = "NXX", ["Ü"] = "UE", ["Ä"] = "AE", ["Å"] = "AA", ["Ö"] = "OE" };
        Assert.Equal("CANXXON MUELLER AEAAOE", MrzTransliterator.Transliterate("Cañon Müller äåö", overrides));
        Assert.Equal("CANON MULLER", MrzTransliterator.Transliterate("Cañon Müller"));
    }

    [Fact]
    public void OtherScriptsHaveNoRule()
    {
        var error = Assert.Throws<MrzEncodingException>(() => MrzTransliterator.Transliterate("Иван"));
        Assert.Contains("U+0418", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("An 😀")]
    [InlineData("An ©")]
    [InlineData("\uD83D")]
    public void SymbolsAndBrokenTextHaveNoRule(string text) =>
        Assert.Throws<MrzEncodingException>(() => MrzTransliterator.Transliterate(text));

    [Fact]
    public void PunctuationOtherThanTheNameRulesIsOmitted() =>
        Assert.Equal("ANNA MARIE-ELISE O'NEILL, JR.", MrzTransliterator.Transliterate("Anna (Marie-Elise) O'Neill, Jr.!"));
}
