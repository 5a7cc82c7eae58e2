using System.Globalization;
using Station.Personalization.Mrz;

namespace Station.Service.Cli;

/// <summary>Turns <c>--mrz DOCNO,YYMMDD,YYMMDD</c> into the MRZ information BAC derives its keys from (each field followed by its check digit).</summary>
public static class ChipMrzKey
{
    /// <exception cref="ChipCommandException">The value is not three valid fields (bad input).</exception>
    public static string Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var parts = value.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 3)
            throw ChipCommandException.BadInput($"--mrz: '{value}' must be DOCNO,YYMMDD,YYMMDD (document number, date of birth, date of expiry).");
        var number = parts[0].ToUpperInvariant();
        if (number.Length == 0 || !number.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '<'))
            throw ChipCommandException.BadInput($"--mrz: document number '{parts[0]}' must be letters A-Z and digits.");
        foreach (var (date, what) in new[] { (parts[1], "date of birth"), (parts[2], "date of expiry") })
        {
            if (date.Length != 6 || !DateTime.TryParseExact(date, "yyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                throw ChipCommandException.BadInput($"--mrz: {what} '{date}' must be YYMMDD.");
        }

        // A number shorter than the 9-character MRZ field is padded with fillers, as the MRZ prints it.
        var field = number.PadRight(9, '<');
        return $"{field}{MrzCheckDigit.Compute(field)}{parts[1]}{MrzCheckDigit.Compute(parts[1])}{parts[2]}{MrzCheckDigit.Compute(parts[2])}";
    }
}
