namespace Station.Personalization.Mrz;

/// <summary>The MRZ check digit of Doc 9303 Part 3 §4.9: weights 7-3-1, digits as values, A–Z as 10–35, <c>&lt;</c> as 0, sum mod 10.</summary>
public static class MrzCheckDigit
{
    private static readonly int[] Weights = [7, 3, 1];

    /// <exception cref="ArgumentException"><paramref name="field"/> holds a character outside A–Z, 0–9 and &lt;.</exception>
    public static char Compute(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var sum = 0;
        for (var i = 0; i < field.Length; i++)
        {
            sum += ValueOf(field[i], field) * Weights[i % 3];
        }

        return (char)('0' + (sum % 10));
    }

    /// <summary>True when <paramref name="checkDigit"/> is the check digit of <paramref name="field"/>.</summary>
    public static bool IsValid(string field, char checkDigit) => Compute(field) == checkDigit;

    private static int ValueOf(char c, string field) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'Z' => c - 'A' + 10,
        '<' => 0,
        _ => throw new ArgumentException($"MRZ field '{field}' holds '{c}', which is not an MRZ character (A-Z, 0-9, <).", nameof(field)),
    };
}
