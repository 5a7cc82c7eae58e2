using System.Globalization;
using System.Text.RegularExpressions;

namespace Station.Service.Stock;

/// <summary>
/// A blank card's serial: a letter prefix and a fixed-width number, e.g. <c>VN000000123</c>.
/// Loads are consecutive: the next serial increments the number and keeps its width.
/// </summary>
public sealed partial record CardSerialNumber(string Prefix, long Number, int Width)
{
    public const string FormatDescription = "1 to 4 capital letters followed by 6 to 12 digits, e.g. VN000000001";

    [GeneratedRegex("^(?<prefix>[A-Z]{1,4})(?<number>[0-9]{6,12})$")]
    private static partial Regex Pattern();

    public static bool TryParse(string? text, out CardSerialNumber serial)
    {
        serial = new CardSerialNumber("", 0, 0);
        var match = Pattern().Match(text ?? "");
        if (!match.Success)
        {
            return false;
        }

        var digits = match.Groups["number"].Value;
        serial = new CardSerialNumber(match.Groups["prefix"].Value, long.Parse(digits, CultureInfo.InvariantCulture), digits.Length);
        return true;
    }

    /// <exception cref="FormatException">The text is not a serial; the message shows the expected format.</exception>
    public static CardSerialNumber Parse(string? text) =>
        TryParse(text, out var serial) ? serial : throw new FormatException($"'{text}' is not a card serial: expected {FormatDescription}.");

    /// <summary>The serial <paramref name="offset"/> places later.</summary>
    /// <exception cref="OverflowException">The number would need more digits than the serial has.</exception>
    public CardSerialNumber Plus(long offset)
    {
        var next = Number + offset;
        if (next.ToString(CultureInfo.InvariantCulture).Length > Width)
        {
            throw new OverflowException($"{this} + {offset} does not fit in {Width} digits.");
        }

        return this with { Number = next };
    }

    public override string ToString() => Prefix + Number.ToString(CultureInfo.InvariantCulture).PadLeft(Width, '0');
}
