namespace Station.Personalization.Applicants;

/// <summary>
/// The Vietnamese 12-digit personal ID number: province (3 digits), century-and-sex digit (0/1 = 1900s
/// male/female, 2/3 = 2000s, 4/5 = 2100s, …), the last two digits of the birth year, and 6 digits.
/// </summary>
public static class VnmIdNumber
{
    /// <summary>Null when <paramref name="idNumber"/> agrees with the birth date and sex; otherwise why not.</summary>
    public static string? Check(string idNumber, DateOnly? dateOfBirth, char? sex)
    {
        ArgumentNullException.ThrowIfNull(idNumber);
        if (idNumber.Length != 12 || !idNumber.All(char.IsAsciiDigit))
        {
            return $"'{idNumber}' must be exactly 12 digits";
        }

        if (dateOfBirth is not DateOnly birth || sex is not ('M' or 'F'))
        {
            return null; // Checked against fields that are themselves valid only.
        }

        var centuryAndSex = idNumber[3] - '0';
        var expected = ((birth.Year / 100) - 19) * 2 + (sex == 'F' ? 1 : 0);
        if (centuryAndSex != expected)
        {
            return $"digit 4 is {centuryAndSex} but a {(sex == 'F' ? "woman" : "man")} born in {birth.Year} needs {expected}";
        }

        var yearDigits = idNumber.Substring(4, 2);
        return yearDigits == (birth.Year % 100).ToString("00", System.Globalization.CultureInfo.InvariantCulture)
            ? null
            : $"digits 5-6 are {yearDigits} but the birth year is {birth.Year}";
    }
}
