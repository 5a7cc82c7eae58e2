using Station.Personalization.Applicants;
using Station.Personalization.Profiles;

namespace Station.Personalization.Mrz;

/// <summary>Builds the three-line TD1 MRZ (Doc 9303 Part 5) of an applicant under a country profile.</summary>
public static class Td1MrzBuilder
{
    public const int LineLength = 30;
    private const int DocumentNumberZone = 9;
    private const int OptionalData1Zone = 15;
    private const int OptionalData2Zone = 11;

    /// <exception cref="MrzEncodingException">A value cannot be written in the MRZ; the message names it.</exception>
    public static Td1Mrz Build(Applicant applicant, CountryProfile profile)
    {
        ArgumentNullException.ThrowIfNull(applicant);
        ArgumentNullException.ThrowIfNull(profile);
        return Build(FieldsFor(applicant, profile));
    }

    /// <summary>The TD1 data elements of <paramref name="applicant"/> under <paramref name="profile"/>'s MRZ layout.</summary>
    public static Td1MrzFields FieldsFor(Applicant applicant, CountryProfile profile)
    {
        ArgumentNullException.ThrowIfNull(applicant);
        ArgumentNullException.ThrowIfNull(profile);
        var name = Name(applicant, profile);
        var expiry = applicant.DateOfExpiry is DateOnly doe
            ? MrzDate.Format(doe)
            : profile.NoExpiryMrzDate ?? throw new MrzEncodingException($"Profile '{profile.Id}' has no MRZ date for a card without expiry; dateOfExpiry is required.", nameof(Td1MrzFields.DateOfExpiry));
        var sex = applicant.Sex is 'M' or 'F' ? applicant.Sex : '<';

        string documentNumber;
        string optionalData1;
        switch (profile.MrzLayout)
        {
            case MrzLayoutKind.VnmIdNumberInOptionalData:
                var id = Required(applicant.IdNumber, nameof(Td1MrzFields.DocumentNumber));
                if (id.Length != 12 || !id.All(char.IsAsciiDigit))
                {
                    throw new MrzEncodingException($"idNumber '{id}' is not 12 digits.", nameof(Td1MrzFields.DocumentNumber));
                }

                documentNumber = id[^DocumentNumberZone..];
                // The full ID number, two fillers, and a check digit over it in the last position of line 1.
                optionalData1 = $"{id}<<{MrzCheckDigit.Compute(id)}";
                break;
            default:
                documentNumber = Required(applicant.DocumentNumber, nameof(Td1MrzFields.DocumentNumber));
                optionalData1 = applicant.OptionalData ?? string.Empty;
                break;
        }

        return new Td1MrzFields(
            profile.DocumentCode ?? Required(applicant.DocumentCode, nameof(Td1MrzFields.DocumentCode)),
            profile.IssuingState ?? Required(applicant.IssuingState, nameof(Td1MrzFields.IssuingState)),
            documentNumber,
            optionalData1,
            MrzDate.Format(applicant.DateOfBirth),
            sex,
            expiry,
            applicant.Nationality,
            string.Empty,
            name);
    }

    /// <exception cref="MrzEncodingException">A field holds characters outside the MRZ set or does not fit its zone.</exception>
    public static Td1Mrz Build(Td1MrzFields fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var documentCode = Zone(fields.DocumentCode, 2, nameof(fields.DocumentCode), minLength: 1);
        var state = Zone(fields.IssuingState, 3, nameof(fields.IssuingState), minLength: 1);
        var number = Zone(fields.DocumentNumber, 22, nameof(fields.DocumentNumber), minLength: 1).TrimEnd('<');
        var birth = Date(fields.DateOfBirth, nameof(fields.DateOfBirth));
        var expiry = Date(fields.DateOfExpiry, nameof(fields.DateOfExpiry));
        var nationality = Zone(fields.Nationality, 3, nameof(fields.Nationality), minLength: 1);
        var sex = fields.Sex is 'M' or 'F' or '<'
            ? fields.Sex
            : throw new MrzEncodingException($"Sex '{fields.Sex}' is not M, F or <.", nameof(fields.Sex));
        var numberCheck = MrzCheckDigit.Compute(number);

        string numberZone;
        string optional1;
        if (number.Length <= DocumentNumberZone)
        {
            numberZone = $"{number.PadRight(DocumentNumberZone, '<')}{numberCheck}";
            optional1 = Zone(fields.OptionalData1, OptionalData1Zone, nameof(fields.OptionalData1));
        }
        else
        {
            // Part 5 note j: the first 9 characters, a filler in the check-digit position, then the rest
            // of the number, its check digit and a filler at the start of the optional data.
            numberZone = $"{number[..DocumentNumberZone]}<";
            var overflow = $"{number[DocumentNumberZone..]}{numberCheck}<{fields.OptionalData1}".TrimEnd('<');
            optional1 = Zone(overflow, OptionalData1Zone, nameof(fields.OptionalData1), what: "document number overflow and optional data of line 1");
        }

        var line1 = $"{documentCode.PadRight(2, '<')}{state.PadRight(3, '<')}{numberZone}{optional1.PadRight(OptionalData1Zone, '<')}";
        var optional2 = Zone(fields.OptionalData2, OptionalData2Zone, nameof(fields.OptionalData2)).PadRight(OptionalData2Zone, '<');
        var line2Body = $"{birth}{MrzCheckDigit.Compute(birth)}{sex}{expiry}{MrzCheckDigit.Compute(expiry)}{nationality.PadRight(3, '<')}{optional2}";
        var composite = MrzCheckDigit.Compute(CompositeInput(line1, line2Body));
        var line2 = line2Body + composite;
        var line3 = Zone(fields.Name, LineLength, nameof(fields.Name), minLength: 1).PadRight(LineLength, '<');

        // The key uses the number as printed: fillers to 9 characters, or the whole long number (Part 11 §9.7.2).
        var information = $"{number.PadRight(DocumentNumberZone, '<')}{numberCheck}{birth}{MrzCheckDigit.Compute(birth)}{expiry}{MrzCheckDigit.Compute(expiry)}";
        return new Td1Mrz([line1, line2, line3], information);
    }

    /// <summary>The composite check digit input: line 1 positions 6–30, line 2 positions 1–7, 9–15 and 19–29 (Part 5 §4.2.4).</summary>
    internal static string CompositeInput(string line1, string line2) =>
        string.Concat(line1.AsSpan(5, 25), line2.AsSpan(0, 7), line2.AsSpan(8, 7), line2.AsSpan(18, 11));

    private static string Name(Applicant applicant, CountryProfile profile)
    {
        try
        {
            return profile.NameOrder == NameOrder.FamilyNameFirst
                ? MrzNameFormatter.FormatFullName(Required(applicant.FullName, nameof(Td1MrzFields.Name)), familyNameFirst: true, LineLength, profile.Transliteration)
                : MrzNameFormatter.Format(Required(applicant.PrimaryIdentifier, nameof(Td1MrzFields.Name)), applicant.SecondaryIdentifier, LineLength, profile.Transliteration);
        }
        catch (MrzEncodingException ex) when (ex.Element is null)
        {
            throw new MrzEncodingException(ex.Message, nameof(Td1MrzFields.Name));
        }
    }

    private static string Required(string? value, string element) =>
        string.IsNullOrEmpty(value) ? throw new MrzEncodingException($"{element} is required for the MRZ.", element) : value;

    private static string Zone(string value, int maxLength, string element, int minLength = 0, string? what = null)
    {
        what ??= element;
        if (value.Length < minLength || value.Length > maxLength)
        {
            throw new MrzEncodingException($"{what} '{value}' must be {minLength} to {maxLength} MRZ characters long.", element);
        }

        if (!value.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '<'))
        {
            throw new MrzEncodingException($"{what} '{value}' holds characters outside A-Z, 0-9 and <.", element);
        }

        return value;
    }

    private static string Date(string value, string element) =>
        value.Length == 6 && value.All(char.IsAsciiDigit)
            ? value
            : throw new MrzEncodingException($"{element} '{value}' is not six digits YYMMDD.", element);
}
