using Station.Personalization.Mrz;

namespace Station.Personalization.Tests.Mrz;

/// <summary>Vectors §1.6 (Part 3 §4.6) and the Part 4 §4.2.3 truncation examples.</summary>
public class MrzNameFormatterTests
{
    private static readonly Dictionary<string, string> Nxx = new() { ["Ñ"] = "NXX" };

    [Theory]
    [InlineData("NGUYỄN VĂN ĐỨC", "NGUYEN<<VAN<DUC")]
    [InlineData("ĐỖ ÁNH BẢO", "DO<<ANH<BAO")]
    [InlineData("TRẦN THỊ HƯƠNG", "TRAN<<THI<HUONG")]
    [InlineData("PHẠM ĐÌNH ƯỚC", "PHAM<<DINH<UOC")]
    [InlineData("Nguyễn Văn An", "NGUYEN<<VAN<AN")]
    [InlineData("ERIKSSON, ANNA MARIA", "ERIKSSON<<ANNA<MARIA")]
    public void FormatsFullNames(string fullName, string expected) =>
        Assert.Equal(expected.PadRight(30, '<'), MrzNameFormatter.FormatFullName(fullName, familyNameFirst: true, 30));

    [Theory]
    [InlineData("D'ARTAGNAN", null, "DARTAGNAN")]
    [InlineData("SMITH-JONES", "SUSIE MARGARET", "SMITH<JONES<<SUSIE<MARGARET")]
    [InlineData("DUPONT", "ANNA, MARIA", "DUPONT<<ANNA<MARIA")]
    [InlineData("O'CONNOR", "ENYA SIOBHAN", "OCONNOR<<ENYA<SIOBHAN")]
    [InlineData("ST.JOHN", "MARY", "STJOHN<<MARY")]
    [InlineData("ST. JOHN", "MARY", "ST<JOHN<<MARY")]
    [InlineData("ARKFREITH", "", "ARKFREITH")]
    public void AppliesPunctuationRules(string primary, string? secondary, string expected) =>
        Assert.Equal(expected.PadRight(30, '<'), MrzNameFormatter.Format(primary, secondary, 30));

    [Fact]
    public void TeresaCanonWithTheNxxOption() =>
        Assert.Equal("CANXXON<<TERESA".PadRight(30, '<'), MrzNameFormatter.Format("CAÑON", "Térèsa", 30, Nxx));

    [Fact]
    public void HyphenInTheFirstNameIsAFiller() =>
        Assert.Equal("MARIE<ELISE".PadRight(30, '<'), MrzNameFormatter.Format("MARIE-ELISE", null, 30));

    [Theory]
    [InlineData("NILAVADHANANANDA", "CHAYAPA DEJTHAMRONG KRASUANG", "NILAVADHANANANDA<<CHAYAPA<DEJTHAMRONG<K")]
    [InlineData("NILAVADHANANANDA", "ARNPOL PETCH CHARONGUANG", "NILAVADHANANANDA<<ARNPOL<PETCH<CHARONGU")]
    [InlineData("PAPANDROPOULOUS", "JONATHON WARREN TREVOR", "PAPANDROPOULOUS<<JONATHON<WARREN<TREVOR")]
    public void TruncatesTheSecondaryIdentifierLikePart4(string primary, string secondary, string expected) =>
        Assert.Equal(expected, MrzNameFormatter.Format(primary, secondary, 39));

    [Fact]
    public void TruncationThatFallsOnAFillerShortensTheComponentAndKeepsTheNextInitial()
    {
        // NGUYEN<<THI<PHUONG<THAO<HOANG<ANH: the 30th character is the filler after HOANG.
        var field = MrzNameFormatter.FormatFullName("Nguyễn Thị Phương Thảo Hoàng Anh", familyNameFirst: true, 30);
        Assert.Equal("NGUYEN<<THI<PHUONG<THAO<HOAN<A", field);
    }

    [Fact]
    public void TruncationAfterASingleLetterComponentShortensTheLastLongerComponentAndKeepsEveryInitial()
    {
        // NGUYEN<<THI<PHUONG<THAO<HOA<B<CUC: the cut falls on the filler after the initial B, which cannot be
        // shortened: HOA gives up a letter, and B and the initial of CUC both stay.
        var field = MrzNameFormatter.FormatFullName("Nguyễn Thị Phương Thảo Hoa B Cúc", familyNameFirst: true, 30);
        Assert.Equal("NGUYEN<<THI<PHUONG<THAO<HO<B<C", field);
    }

    [Theory]
    [InlineData("Featherstonehaugh", "Mary Ann J K", "FEATHERSTONEHAUGH<<MARY<AN<J<K")]
    [InlineData("Abcdefghijklmnopqrstuvwx Z A", "Smith", "ABCDEFGHIJKLMNOPQRSTUVW<Z<A<<S")]
    public void TruncationNeverEndsOnAFillerNorLeavesThreeFillersInside(string primary, string secondary, string expected) =>
        Assert.Equal(expected, MrzNameFormatter.Format(primary, secondary, 30));

    [Fact]
    public void AVietnameseNameWithTwoInitialsAtTheCutKeepsBoth() =>
        Assert.Equal("KPA<<NGUYEN<THI<PHUONG<THA<H<Y", MrzNameFormatter.FormatFullName("Kpă Nguyễn Thị Phương Thảo H Y", familyNameFirst: true, 30));

    [Fact]
    public void EveryTruncatedNameEndsOnALetterAndKeepsItsSeparator()
    {
        var random = new Random(9303);
        string Component() => new([.. Enumerable.Range(0, random.Next(1, 9)).Select(_ => (char)('A' + random.Next(26)))]);
        for (var i = 0; i < 5000; i++)
        {
            var primary = string.Join(' ', Enumerable.Range(0, random.Next(1, 4)).Select(_ => Component()));
            var secondary = string.Join(' ', Enumerable.Range(0, random.Next(1, 6)).Select(_ => Component()));
            var whole = $"{primary.Replace(' ', '<')}<<{secondary.Replace(' ', '<')}";
            var field = MrzNameFormatter.Format(primary, secondary, 30);

            Assert.Equal(30, field.Length);
            if (whole.Length > 30)
            {
                Assert.True(char.IsAsciiLetterUpper(field[^1]), $"{whole} -> {field}");
                Assert.Contains("<<", field, StringComparison.Ordinal);
                Assert.DoesNotContain("<<<", field.TrimEnd('<'), StringComparison.Ordinal);
            }
            else
            {
                Assert.Equal(whole.PadRight(30, '<'), field);
            }
        }
    }

    [Fact]
    public void NameThatFitsExactlyIsNotTruncated() =>
        Assert.Equal("TON<<NU<THI<HOANG<PHUONG<KHANH", MrzNameFormatter.FormatFullName("Tôn Nữ Thị Hoàng Phương Khánh", familyNameFirst: true, 30));

    [Fact]
    public void VeryLongPrimaryKeepsTheSeparatorAndAnInitial()
    {
        var field = MrzNameFormatter.Format("BENNELONG WOOLOOMOOLOO WARRANDYTE WARNAMBOOL", "DINGO POTOROO", 30);
        Assert.Equal("BENNELONG<WOOLOOMOOLOO<WARR<<D", field);
    }

    [Fact]
    public void LongPrimaryWithoutSecondaryEndsOnALetter() =>
        Assert.Equal("BENNELONG<WOOLOOMOOLOO<WARRAND", MrzNameFormatter.Format("BENNELONG WOOLOOMOOLOO WARRANDYTE WARNAMBOOL", null, 30));

    [Fact]
    public void DigitsAreRefused()
    {
        var error = Assert.Throws<MrzEncodingException>(() => MrzNameFormatter.Format("SMITH", "JOHN 3", 30));
        Assert.Contains("digits", error.Message, StringComparison.Ordinal);
    }
}
