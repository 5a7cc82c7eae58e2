namespace Station.Personalization.Verification;

/// <summary>
/// Minimal MRZ reading for passive authentication: finds the MRZ in DG1 and checks its ICAO check digits
/// (Doc 9303 Part 3 §4.9; TD1/TD2/TD3 layouts of Parts 4–6). Deliberately local so the verifier does not depend on
/// the MRZ writer it is checking.
/// </summary>
internal static class MrzCheckDigits
{
    /// <summary>Weights 7-3-1; digits count as themselves, A–Z as 10–35, &lt; as 0.</summary>
    public static int Compute(ReadOnlySpan<char> field)
    {
        int[] weights = [7, 3, 1];
        int sum = 0;
        for (int i = 0; i < field.Length; i++)
        {
            char c = field[i];
            int value = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'A' and <= 'Z' => c - 'A' + 10,
                '<' => 0,
                _ => throw new FormatException($"'{c}' is not an MRZ character."),
            };
            sum += value * weights[i % 3];
        }
        return sum % 10;
    }

    /// <summary>Returns the failed fields (empty when all check digits are right).</summary>
    public static IReadOnlyList<string> Failures(string mrz)
    {
        var failures = new List<string>();
        void Check(string name, string field, char digit)
        {
            // An all-filler optional field may carry '<' as its check digit (TD3 position 43).
            int expected = Compute(field);
            bool ok = digit == '<' ? expected == 0 && field.All(c => c == '<') : digit - '0' == expected;
            if (!ok) failures.Add($"{name} (expected {expected}, found '{digit}')");
        }

        switch (mrz.Length)
        {
            case 90: // TD1: 3 × 30
            {
                string l1 = mrz[..30], l2 = mrz[30..60];
                if (l1[14] == '<' && l1[15] != '<')
                {
                    // Long document number: it continues in the optional data, ending with its check digit.
                    string rest = l1[15..].Split('<')[0];
                    Check("document number", l1[5..14] + rest[..^1], rest[^1]);
                }
                else
                {
                    Check("document number", l1[5..14], l1[14]);
                }
                Check("date of birth", l2[..6], l2[6]);
                Check("date of expiry", l2[8..14], l2[14]);
                Check("composite", l1[5..30] + l2[..7] + l2[8..15] + l2[18..29], l2[29]);
                break;
            }
            case 72: // TD2: 2 × 36
            case 88: // TD3: 2 × 44
            {
                int width = mrz.Length / 2;
                string l2 = mrz[width..];
                Check("document number", l2[..9], l2[9]);
                Check("date of birth", l2[13..19], l2[19]);
                Check("date of expiry", l2[21..27], l2[27]);
                if (width == 44)
                {
                    Check("optional data", l2[28..42], l2[42]);
                    Check("composite", l2[..10] + l2[13..20] + l2[21..43], l2[43]);
                }
                else
                {
                    Check("composite", l2[..10] + l2[13..20] + l2[21..35], l2[35]);
                }
                break;
            }
            default:
                throw new FormatException($"An MRZ of {mrz.Length} characters is neither TD1 (90), TD2 (72) nor TD3 (88).");
        }
        return failures;
    }

    /// <summary>DG1 is <c>61 L 5F1F L &lt;MRZ ASCII&gt;</c>.</summary>
    public static string ReadMrz(byte[] dg1)
    {
        try
        {
            var reader = new System.Formats.Asn1.AsnReader(dg1, System.Formats.Asn1.AsnEncodingRules.BER);
            var content = reader.ReadSequence(new System.Formats.Asn1.Asn1Tag(System.Formats.Asn1.TagClass.Application, 1, true));
            byte[] mrz = content.ReadOctetString(new System.Formats.Asn1.Asn1Tag(System.Formats.Asn1.TagClass.Application, 0x1F));
            return System.Text.Encoding.ASCII.GetString(mrz);
        }
        catch (System.Formats.Asn1.AsnContentException e)
        {
            throw new FormatException($"DG1 is not 61 {{ 5F1F MRZ }}: {e.Message}", e);
        }
    }
}
