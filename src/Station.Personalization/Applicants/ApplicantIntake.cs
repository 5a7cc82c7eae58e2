using System.Text.Json;
using Station.Personalization.Biometrics;
using Station.Personalization.Mrz;
using Station.Personalization.Profiles;

namespace Station.Personalization.Applicants;

/// <summary>
/// The intake validator (docs/applicant.md): parses an applicant document, checks every field against the
/// rules of its country profile, fills the defaults (<c>dateOfIssue</c> = today, <c>dateOfExpiry</c> from the
/// profile's validity rule) and returns the applicant or one error per bad field.
/// </summary>
public sealed class ApplicantIntake(ProfileRegistry profiles, TimeProvider time) : IApplicantIntake
{
    private static readonly DateOnly Earliest = new(1900, 1, 1);

    /// <summary>A given expiry must be less than this many years after issue (the profile's rule covers longer lives).</summary>
    private const int MaxValidYears = 100;

    public IntakeResult Validate(string applicantJson)
    {
        ArgumentNullException.ThrowIfNull(applicantJson);
        JsonDocument document;
        try
        {
            // A field given twice would be read as one of its values while an operator reads the other.
            document = JsonDocument.Parse(applicantJson, new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException ex)
        {
            return Rejected(new FieldError("$", $"malformed JSON at line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}: {ex.Message}"));
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Rejected(new FieldError("$", $"the applicant document must be a JSON object, not {ApplicantFieldReader.Kind(document.RootElement)}"));
            }

            return Validate(document.RootElement);
        }
    }

    private IntakeResult Validate(JsonElement root)
    {
        var profileReader = new ApplicantFieldReader(root, null);
        var profileId = profileReader.String("profile", required: true);
        if (profileId is null)
        {
            return Rejected([.. profileReader.Errors]);
        }

        if (!profiles.TryGet(profileId, out var profile))
        {
            return Rejected(new FieldError("profile", $"unknown profile '{profileId}'; known profiles: {string.Join(", ", profiles.Ids.Order(StringComparer.Ordinal))}"));
        }

        var reader = new ApplicantFieldReader(root, profile);
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        reader.Get("profile");

        var applicationId = reader.String("applicationId", required: true);
        var birth = PastDate(reader, "dateOfBirth", required: true, today);
        var sex = Sex(reader, profile);
        var nationality = Code(reader, "nationality");
        if (nationality is not null && profile.ApplicantSchema == ApplicantSchema.VnmCitizen && nationality != profile.IssuingState)
        {
            reader.Error("nationality", $"a {profile.Id} citizen card needs nationality {profile.IssuingState}, not {nationality}");
        }

        var issue = PastDate(reader, "dateOfIssue", required: false, today) ?? (reader.HasError("dateOfIssue") ? null : today);
        if (issue is DateOnly i && birth is DateOnly b && i < b)
        {
            reader.Error("dateOfIssue", $"{i:yyyy-MM-dd} is before the date of birth {b:yyyy-MM-dd}");
        }

        var expiryGiven = reader.Date("dateOfExpiry", required: false);
        if (expiryGiven is DateOnly e && issue is DateOnly iss && e <= iss)
        {
            reader.Error("dateOfExpiry", $"{e:yyyy-MM-dd} is not after the date of issue {iss:yyyy-MM-dd}");
        }
        else if (expiryGiven is DateOnly far && issue is DateOnly from && far >= from.AddYears(MaxValidYears))
        {
            // The MRZ writes two digits of the year: 100 years on, an inspection system reads the issue year back.
            reader.Error("dateOfExpiry", $"{far:yyyy-MM-dd} is {MaxValidYears} years or more after the date of issue {from:yyyy-MM-dd}; leave it out for a card that does not expire");
        }

        var photo = Photo(reader);
        var fingers = Fingerprints(reader, profile);

        var applicant = profile.ApplicantSchema switch
        {
            ApplicantSchema.VnmCitizen => VnmFields(reader, birth, sex),
            _ => IcaoFields(reader, profile),
        };
        reader.RejectUnknownFields();

        if (reader.Errors.Count > 0 || applicationId is null || birth is null || sex is null || nationality is null || issue is null)
        {
            return Rejected([.. reader.Errors]);
        }

        var expiry = expiryGiven;
        if (expiry is null && !reader.HasError("dateOfExpiry"))
        {
            expiry = profile.Validity.ExpiryFor(birth.Value, issue.Value);
            if (expiry is null && profile.NoExpiryMrzDate is null)
            {
                return Rejected(new FieldError("dateOfExpiry", $"is required: profile {profile.Id} has no card without expiry"));
            }
        }

        var result = applicant with
        {
            ApplicationId = applicationId,
            Profile = profile.Id,
            DateOfBirth = birth.Value,
            Sex = sex.Value,
            Nationality = nationality,
            DateOfIssue = issue.Value,
            DateOfExpiry = expiry,
            Photo = photo,
            Fingerprints = fingers,
        };

        return MrzCheck(result, profile) is { } mrzError ? Rejected(mrzError) : new IntakeResult(result, []);
    }

    private static Applicant VnmFields(ApplicantFieldReader reader, DateOnly? birth, char? sex)
    {
        var id = reader.String("idNumber", required: true);
        if (id is not null && VnmIdNumber.Check(id, birth, sex) is { } problem)
        {
            reader.Error("idNumber", problem);
        }

        var oldId = reader.String("oldIdNumber", required: false);
        if (oldId is not null && (oldId.Length != 9 || !oldId.All(char.IsAsciiDigit)))
        {
            reader.Error("oldIdNumber", $"'{oldId}' must be exactly 9 digits (or null when there is none)");
        }

        var fullName = Name(reader, "fullName", required: true);
        return Placeholder() with
        {
            IdNumber = id,
            FullName = fullName,
            Ethnicity = reader.String("ethnicity", required: true),
            Religion = reader.String("religion", required: true),
            PlaceOfOrigin = reader.String("placeOfOrigin", required: true),
            PlaceOfResidence = reader.String("placeOfResidence", required: true),
            IdentifyingMarks = reader.String("identifyingMarks", required: false),
            FatherName = reader.String("fatherName", required: false),
            MotherName = reader.String("motherName", required: false),
            SpouseName = reader.String("spouseName", required: false),
            OldIdNumber = oldId,
        };
    }

    private static Applicant IcaoFields(ApplicantFieldReader reader, CountryProfile profile)
    {
        var documentCode = reader.String("documentCode", required: profile.DocumentCode is null);
        var issuingState = reader.String("issuingState", required: profile.IssuingState is null);
        return Placeholder() with
        {
            DocumentCode = documentCode,
            IssuingState = issuingState,
            DocumentNumber = reader.String("documentNumber", required: true),
            PrimaryIdentifier = Name(reader, "primaryIdentifier", required: true),
            SecondaryIdentifier = Name(reader, "secondaryIdentifier", required: false),
            OptionalData = reader.String("optionalData", required: false),
        };
    }

    /// <summary>A name, refused when the MRZ cannot express it (digits, scripts without a transliteration rule).</summary>
    private static string? Name(ApplicantFieldReader reader, string field, bool required)
    {
        var name = reader.String(field, required);
        if (name is null)
        {
            return null;
        }

        try
        {
            MrzNameFormatter.Format(name, null, 90);
            return name;
        }
        catch (MrzEncodingException ex)
        {
            reader.Error(field, $"cannot be written in the MRZ: {ex.Message}");
            return null;
        }
    }

    /// <summary>Builds the MRZ once so that anything else it cannot hold (e.g. a too long document number) is a field error.</summary>
    private static FieldError? MrzCheck(Applicant applicant, CountryProfile profile)
    {
        try
        {
            Td1MrzBuilder.Build(applicant, profile);
            return null;
        }
        catch (MrzEncodingException ex)
        {
            return new FieldError(JsonFieldOf(ex.Element, profile), $"cannot be written in the MRZ: {ex.Message}");
        }
    }

    /// <summary>The applicant-document field that feeds an MRZ data element under the profile's layout.</summary>
    private static string JsonFieldOf(string? element, CountryProfile profile)
    {
        var vnm = profile.ApplicantSchema == ApplicantSchema.VnmCitizen;
        return element switch
        {
            nameof(Td1MrzFields.DocumentCode) => "documentCode",
            nameof(Td1MrzFields.IssuingState) => "issuingState",
            nameof(Td1MrzFields.OptionalData1) => vnm ? "idNumber" : "optionalData",
            nameof(Td1MrzFields.Nationality) => "nationality",
            nameof(Td1MrzFields.Name) => vnm ? "fullName" : "primaryIdentifier",
            nameof(Td1MrzFields.DateOfExpiry) => "dateOfExpiry",
            nameof(Td1MrzFields.DateOfBirth) => "dateOfBirth",
            _ => vnm ? "idNumber" : "documentNumber",
        };
    }

    private static DateOnly? PastDate(ApplicantFieldReader reader, string field, bool required, DateOnly today)
    {
        var date = reader.Date(field, required);
        if (date is DateOnly d && (d < Earliest || d > today))
        {
            reader.Error(field, $"{d:yyyy-MM-dd} is out of range: it must be between {Earliest:yyyy-MM-dd} and today ({today:yyyy-MM-dd})");
            return null;
        }

        return date;
    }

    private static char? Sex(ApplicantFieldReader reader, CountryProfile profile)
    {
        var text = reader.String("sex", required: true);
        var allowed = profile.ApplicantSchema == ApplicantSchema.VnmCitizen ? "MF" : "MFX";
        if (text is null)
        {
            return null;
        }

        if (text.Length != 1 || !allowed.Contains(text[0], StringComparison.Ordinal))
        {
            reader.Error("sex", $"'{text}' must be one of {string.Join(", ", allowed.ToCharArray())}");
            return null;
        }

        return text[0];
    }

    private static string? Code(ApplicantFieldReader reader, string field)
    {
        var code = reader.String(field, required: true);
        if (code is not null && (code.Length != 3 || !code.All(char.IsAsciiLetterUpper)))
        {
            reader.Error(field, $"'{code}' must be an ICAO three-letter code (A-Z)");
            return null;
        }

        return code;
    }

    private static byte[]? Photo(ApplicantFieldReader reader)
    {
        var photo = reader.Base64("photo");
        if (photo is not null && (photo.Length < 4 || photo[0] != 0xFF || photo[1] != 0xD8))
        {
            reader.Error("photo", "is not a JPEG image (it must start with the JPEG marker FFD8)");
            return null;
        }

        return photo;
    }

    /// <summary>The supplied finger images; given at all, they must include every finger the profile's DG3 holds.</summary>
    private static List<FingerImage>? Fingerprints(ApplicantFieldReader reader, CountryProfile profile)
    {
        var element = reader.Get("fingerprints");
        if (element is null)
        {
            return null;
        }

        if (element.Value.ValueKind != JsonValueKind.Array)
        {
            reader.Error("fingerprints", $"must be an array or null, not {ApplicantFieldReader.Kind(element.Value)}");
            return null;
        }

        var fingers = new List<FingerImage>();
        var index = 0;
        foreach (var item in element.Value.EnumerateArray())
        {
            var prefix = $"fingerprints[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                reader.Error(prefix, $"must be an object, not {ApplicantFieldReader.Kind(item)}");
                continue;
            }

            var finger = FingerprintReader.Read(item, prefix, reader);
            if (finger is null)
            {
                continue;
            }

            if (fingers.Any(f => f.Position == finger.Position))
            {
                reader.Error($"{prefix}.position", $"{finger.Position} is given twice");
                continue;
            }

            fingers.Add(finger);
        }

        // Supplied fingers skip the sensor: a missing one would only fail the job later, at Preparing.
        var missing = profile.FingerPositions.Where(p => fingers.All(f => f.Position != p)).ToList();
        if (fingers.Count > 0 && missing.Count > 0 && !reader.Errors.Any(e => e.Field.StartsWith("fingerprints", StringComparison.Ordinal)))
        {
            reader.Error("fingerprints", $"must include every finger profile {profile.Id} keeps ({string.Join(", ", profile.FingerPositions)}); missing: {string.Join(", ", missing)}");
        }

        return fingers;
    }

    private static Applicant Placeholder() => new()
    {
        ApplicationId = string.Empty,
        Profile = string.Empty,
        DateOfBirth = default,
        Sex = default,
        Nationality = string.Empty,
        DateOfIssue = default,
    };

    private static IntakeResult Rejected(params FieldError[] errors) => new(null, errors);
}
