namespace Station.Personalization.Mrz;

/// <summary>
/// Writes a holder's name in the MRZ name field (Doc 9303 Part 3 §4.6): <c>PRIMARY&lt;&lt;SECONDARY</c>,
/// components separated by one filler, apostrophes dropped, hyphens and commas as fillers, other punctuation
/// omitted, digits refused, and truncation when the name does not fit (Parts 4 and 5).
/// </summary>
public static class MrzNameFormatter
{
    /// <summary>Formats separate primary and secondary identifiers into a field of <paramref name="width"/> characters.</summary>
    /// <exception cref="MrzEncodingException">The name holds digits, characters without a transliteration rule, or no letter.</exception>
    public static string Format(string primary, string? secondary, int width, IReadOnlyDictionary<string, string>? overrides = null)
    {
        var primaryComponents = Components(primary, overrides);
        if (primaryComponents.Count == 0)
        {
            throw new MrzEncodingException($"The primary identifier '{primary}' has no letter the MRZ can hold.");
        }

        var secondaryComponents = string.IsNullOrWhiteSpace(secondary) ? [] : Components(secondary, overrides);
        return Fit(primaryComponents, secondaryComponents, width);
    }

    /// <summary>
    /// Formats a name written in one field. A comma separates the primary identifier from the secondary one
    /// (<c>ERIKSSON, ANNA MARIA</c>); without a comma and with <paramref name="familyNameFirst"/>, the first word is
    /// the primary identifier (Vietnamese names), otherwise the whole name is.
    /// </summary>
    public static string FormatFullName(string fullName, bool familyNameFirst, int width, IReadOnlyDictionary<string, string>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(fullName);
        var comma = fullName.IndexOf(',', StringComparison.Ordinal);
        if (comma >= 0)
        {
            return Format(fullName[..comma], fullName[(comma + 1)..], width, overrides);
        }

        var trimmed = fullName.Trim();
        var space = trimmed.IndexOfAny([' ', '\t']);
        return familyNameFirst && space > 0
            ? Format(trimmed[..space], trimmed[(space + 1)..], width, overrides)
            : Format(trimmed, null, width, overrides);
    }

    private static List<string> Components(string identifier, IReadOnlyDictionary<string, string>? overrides)
    {
        var letters = MrzTransliterator.Transliterate(identifier, overrides);
        if (letters.Any(char.IsAsciiDigit))
        {
            throw new MrzEncodingException($"The name '{identifier}' holds digits, which the MRZ does not allow in names.");
        }

        // Apostrophes and full stops join their neighbours; hyphens, commas, spaces and fillers separate components.
        var joined = letters.Replace("'", string.Empty, StringComparison.Ordinal).Replace(".", string.Empty, StringComparison.Ordinal);
        return joined.Split([' ', '-', ',', '<'], StringSplitOptions.RemoveEmptyEntries).ToList();
    }

    private static string Fit(List<string> primary, List<string> secondary, int width)
    {
        var primaryText = string.Join('<', primary);
        var secondaryText = string.Join('<', secondary);
        var full = secondary.Count > 0 ? $"{primaryText}<<{secondaryText}" : primaryText;
        if (full.Length <= width)
        {
            return full.PadRight(width, '<');
        }

        if (secondary.Count > 0 && primaryText.Length + 3 > width)
        {
            // Keep the << and at least the initial of the secondary identifier: shorten the primary one.
            primaryText = CutEndingOnLetter(primaryText, width - 3);
            full = $"{primaryText}<<{secondaryText}";
        }

        return CutEndingOnLetter(full, width);
    }

    /// <summary>
    /// Cuts <paramref name="text"/> (longer than <paramref name="width"/>) so that the last position holds a letter,
    /// the mark of a truncated name (Part 4 §4.2.3): while the cut falls on a filler, the last component of two or
    /// more letters before it gives up its last letter, which pulls the next letter into the field, so every initial
    /// that fits is kept (only a run of one-letter components at the cut loses one).
    /// </summary>
    private static string CutEndingOnLetter(string text, int width)
    {
        while (true)
        {
            var cut = text[..width];
            if (cut[^1] != '<' || text[width..].TrimStart('<').Length == 0)
            {
                return cut; // ends on a letter, or nothing but fillers was cut off: the name is whole
            }

            var kept = cut.TrimEnd('<');
            var letter = LastLetterOfLongComponent(kept);
            if (letter >= 0)
            {
                text = text.Remove(letter, 1);
                continue;
            }

            // Only one-letter components before the cut: drop the last of them and cut again.
            text = text[..(kept.Length - 1)] + text[cut.Length..];
            if (text.Length <= width)
            {
                return text.PadRight(width, '<');
            }
        }
    }

    /// <summary>Index of the last letter of the last component of <paramref name="text"/> that has two or more letters; -1 when none has.</summary>
    private static int LastLetterOfLongComponent(string text)
    {
        var end = text.Length - 1;
        while (end >= 0)
        {
            while (end >= 0 && text[end] == '<')
            {
                end--;
            }

            var start = end;
            while (start >= 0 && text[start] != '<')
            {
                start--;
            }

            if (end - start >= 2)
            {
                return end;
            }

            end = start;
        }

        return -1;
    }
}
