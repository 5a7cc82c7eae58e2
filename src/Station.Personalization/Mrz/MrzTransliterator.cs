using System.Globalization;
using System.Text;

namespace Station.Personalization.Mrz;

/// <summary>
/// Turns national Latin-based text into MRZ letters (Doc 9303 Part 3 §6.A), keeping spaces and the
/// punctuation that the name rules (§4.6) interpret. Letters the table maps to several letters, and letters
/// that have no Unicode decomposition (<c>Đ</c>, <c>Æ</c>, <c>Ø</c>, …), are mapped explicitly; every other
/// letter is decomposed (NFD) and its diacritics dropped, which also covers every Vietnamese tone mark.
/// </summary>
public static class MrzTransliterator
{
    // Part 3 §6.A letters that do not decompose under NFD (vectors §6.5), and ß which upper-cases to SS.
    private static readonly Dictionary<char, string> NonDecomposing = new()
    {
        ['Æ'] = "AE",
        ['Ð'] = "D",
        ['Ø'] = "OE",
        ['Þ'] = "TH",
        ['Đ'] = "D",
        ['Ħ'] = "H",
        ['Ĳ'] = "IJ",
        ['Ŀ'] = "L",
        ['Ł'] = "L",
        ['Ŋ'] = "N",
        ['Œ'] = "OE",
        ['Ŧ'] = "T",
        ['ı'] = "I",
        ['ẞ'] = "SS",
        ['ß'] = "SS",
    };

    /// <summary>Characters passed through for the name rules to interpret.</summary>
    private const string NamePunctuation = " -',.<";

    /// <summary>
    /// Upper-cases <paramref name="text"/> and replaces every national letter with MRZ letters.
    /// <paramref name="overrides"/> picks the profile's choice where Part 3 offers several (e.g. <c>Ñ</c> → <c>NXX</c>).
    /// The result holds only A–Z, 0–9 and the characters <c> -',.&lt;</c>; other punctuation is dropped.
    /// </summary>
    /// <exception cref="MrzEncodingException">A character has no transliteration rule (another script, a symbol).</exception>
    public static string Transliterate(string text, IReadOnlyDictionary<string, string>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new StringBuilder(text.Length);
        foreach (var original in text.Normalize(NormalizationForm.FormC).EnumerateRunes())
        {
            var rune = Rune.ToUpperInvariant(original);
            var c = rune.IsBmp ? (char)rune.Value : '\0';
            if (overrides is not null && overrides.TryGetValue(rune.ToString(), out var chosen))
            {
                result.Append(chosen);
            }
            else if (NonDecomposing.TryGetValue(c, out var mapped))
            {
                result.Append(mapped);
            }
            else if (char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || NamePunctuation.Contains(c, StringComparison.Ordinal))
            {
                result.Append(c);
            }
            else if (Rune.IsWhiteSpace(rune))
            {
                result.Append(' ');
            }
            else if (Rune.IsPunctuation(rune))
            {
                // Part 3 §4.6: other punctuation is omitted without a filler.
                continue;
            }
            else
            {
                result.Append(StripDiacritics(rune, text));
            }
        }

        return result.ToString();
    }

    private static string StripDiacritics(Rune rune, string text)
    {
        var baseLetters = new StringBuilder();
        foreach (var part in rune.ToString().Normalize(NormalizationForm.FormD).EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(part) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (!(part.IsAscii && char.IsAsciiLetterUpper((char)part.Value)))
            {
                throw new MrzEncodingException($"'{rune}' (U+{rune.Value:X4}) in '{text}' has no MRZ transliteration rule.");
            }

            baseLetters.Append((char)part.Value);
        }

        return baseLetters.ToString();
    }
}
