namespace Station.Personalization.Mrz;

/// <summary>Reads a TD1 or TD3 MRZ (Doc 9303 Parts 4 and 5) into its data elements.</summary>
public static class MrzParser
{
    /// <summary>Parses the MRZ text: the lines concatenated (as in DG1) or separated by line breaks.</summary>
    /// <exception cref="MrzFormatException">The text is not a TD1 or TD3 MRZ; the message says why.</exception>
    public static ParsedMrz Parse(string mrz)
    {
        ArgumentNullException.ThrowIfNull(mrz);
        var text = mrz.Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal);
        var bad = text.FirstOrDefault(c => !(char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '<'), '\0');
        if (bad != '\0')
        {
            throw new MrzFormatException($"The MRZ holds '{bad}', which is not an MRZ character (A-Z, 0-9, <).");
        }

        return text.Length switch
        {
            90 => ParseTd1(Split(text, 30)),
            88 => ParseTd3(Split(text, 44)),
            _ => throw new MrzFormatException($"The MRZ has {text.Length} characters; TD1 has 90 (3 x 30) and TD3 has 88 (2 x 44)."),
        };
    }

    private static string[] Split(string text, int lineLength) =>
        Enumerable.Range(0, text.Length / lineLength).Select(i => text.Substring(i * lineLength, lineLength)).ToArray();

    private static ParsedMrz ParseTd1(string[] lines)
    {
        var (line1, line2, line3) = (lines[0], lines[1], lines[2]);
        var errors = new List<string>();
        var number = line1[5..14].TrimEnd('<');
        var numberCheck = line1[14];
        var optional1 = line1[15..30];
        if (numberCheck == '<' && optional1[0] != '<')
        {
            // Part 5 note j: the number continues in the optional data and ends with its check digit before a filler.
            var end = optional1.IndexOf('<', StringComparison.Ordinal);
            var overflow = end < 0 ? optional1 : optional1[..end];
            if (overflow.Length < 2)
            {
                throw new MrzFormatException("The TD1 document number overflow holds no check digit.");
            }

            number = line1[5..14] + overflow[..^1];
            numberCheck = overflow[^1];
            optional1 = end < 0 ? string.Empty : optional1[(end + 1)..];
        }

        Check(errors, "documentNumber", number, numberCheck);
        var birth = line2[..6];
        Check(errors, "dateOfBirth", birth, line2[6]);
        var expiry = line2[8..14];
        Check(errors, "dateOfExpiry", expiry, line2[14]);
        Check(errors, "composite", Td1MrzBuilder.CompositeInput(line1, line2), line2[29]);
        var (primary, secondary) = SplitName(line3);

        return new ParsedMrz
        {
            Format = MrzFormat.Td1,
            Lines = lines,
            DocumentCode = line1[..2].TrimEnd('<'),
            IssuingState = line1[2..5].TrimEnd('<'),
            DocumentNumber = number,
            DocumentNumberCheckDigit = numberCheck,
            DateOfBirth = birth,
            DateOfBirthCheckDigit = line2[6],
            Sex = line2[7],
            DateOfExpiry = expiry,
            DateOfExpiryCheckDigit = line2[14],
            Nationality = line2[15..18].TrimEnd('<'),
            OptionalData1 = optional1.TrimEnd('<'),
            OptionalData2 = line2[18..29].TrimEnd('<'),
            PrimaryIdentifier = primary,
            SecondaryIdentifier = secondary,
            CheckDigitErrors = errors,
        };
    }

    private static ParsedMrz ParseTd3(string[] lines)
    {
        var (line1, line2) = (lines[0], lines[1]);
        var errors = new List<string>();
        var number = line2[..9].TrimEnd('<');
        Check(errors, "documentNumber", line2[..9], line2[9]);
        Check(errors, "dateOfBirth", line2[13..19], line2[19]);
        Check(errors, "dateOfExpiry", line2[21..27], line2[27]);
        var personal = line2[28..42];
        // A personal number of only fillers may have a filler as its check digit (Part 4 note).
        if (!(line2[42] == '<' && personal.All(c => c == '<')))
        {
            Check(errors, "personalNumber", personal, line2[42]);
        }

        Check(errors, "composite", string.Concat(line2.AsSpan(0, 10), line2.AsSpan(13, 7), line2.AsSpan(21, 22)), line2[43]);
        var (primary, secondary) = SplitName(line1[5..]);

        return new ParsedMrz
        {
            Format = MrzFormat.Td3,
            Lines = lines,
            DocumentCode = line1[..2].TrimEnd('<'),
            IssuingState = line1[2..5].TrimEnd('<'),
            DocumentNumber = number,
            DocumentNumberCheckDigit = line2[9],
            DateOfBirth = line2[13..19],
            DateOfBirthCheckDigit = line2[19],
            Sex = line2[20],
            DateOfExpiry = line2[21..27],
            DateOfExpiryCheckDigit = line2[27],
            Nationality = line2[10..13].TrimEnd('<'),
            OptionalData1 = personal.TrimEnd('<'),
            OptionalData2 = string.Empty,
            PrimaryIdentifier = primary,
            SecondaryIdentifier = secondary,
            CheckDigitErrors = errors,
        };
    }

    private static (string Primary, string Secondary) SplitName(string field)
    {
        var name = field.TrimEnd('<');
        var separator = name.IndexOf("<<", StringComparison.Ordinal);
        return separator < 0
            ? (name.Replace('<', ' '), string.Empty)
            : (name[..separator].Replace('<', ' '), name[(separator + 2)..].Replace('<', ' ').Trim());
    }

    private static void Check(List<string> errors, string name, string field, char checkDigit)
    {
        if (!MrzCheckDigit.IsValid(field, checkDigit))
        {
            errors.Add(name);
        }
    }
}
