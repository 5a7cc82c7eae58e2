using System.Globalization;
using Station.Personalization.Applicants;
using Station.Personalization.Profiles;

namespace Station.Personalization.CardFace;

/// <summary>
/// An applicant field as the card shows it (QR text and printed face), by the name a profile uses in its
/// QR format and card layout: <c>idNumber</c>, <c>fullName</c>, <c>sexText</c>, <c>dateOfBirth</c>, …
/// Absent values are empty; dates use the given format or the profile's.
/// </summary>
public static class ApplicantText
{
    /// <summary>The names <see cref="Get"/> knows.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "idNumber", "oldIdNumber", "documentNumber", "fullName", "sexText", "nationality", "ethnicity", "religion",
        "placeOfOrigin", "placeOfResidence", "identifyingMarks", "fatherName", "motherName", "spouseName",
        "dateOfBirth", "dateOfIssue", "dateOfExpiry",
    ];

    /// <exception cref="InvalidDataException"><paramref name="name"/> is not one of <see cref="Names"/>.</exception>
    public static string Get(string name, Applicant applicant, CountryProfile profile, string? dateFormat = null)
    {
        ArgumentNullException.ThrowIfNull(applicant);
        ArgumentNullException.ThrowIfNull(profile);
        var format = dateFormat ?? profile.Texts.DateFormat;
        string Date(DateOnly? date) => date?.ToString(format, CultureInfo.InvariantCulture) ?? string.Empty;
        var a = applicant;
        return name switch
        {
            "idNumber" => a.IdNumber ?? a.DocumentNumber ?? string.Empty,
            "oldIdNumber" => a.OldIdNumber ?? string.Empty,
            "documentNumber" => a.DocumentNumber ?? string.Empty,
            "fullName" => a.FullName ?? string.Join(", ", new[] { a.PrimaryIdentifier, a.SecondaryIdentifier }.Where(n => !string.IsNullOrEmpty(n))),
            "sexText" => profile.Texts.Sex(a.Sex),
            "nationality" => profile.Texts.Nationality ?? a.Nationality,
            "ethnicity" => a.Ethnicity ?? string.Empty,
            "religion" => a.Religion ?? string.Empty,
            "placeOfOrigin" => a.PlaceOfOrigin ?? string.Empty,
            "placeOfResidence" => a.PlaceOfResidence ?? string.Empty,
            "identifyingMarks" => a.IdentifyingMarks ?? string.Empty,
            "fatherName" => a.FatherName ?? string.Empty,
            "motherName" => a.MotherName ?? string.Empty,
            "spouseName" => a.SpouseName ?? string.Empty,
            "dateOfBirth" => Date(a.DateOfBirth),
            "dateOfIssue" => Date(a.DateOfIssue),
            "dateOfExpiry" => a.DateOfExpiry is null ? profile.Texts.NoExpiry ?? string.Empty : Date(a.DateOfExpiry),
            _ => throw new InvalidDataException($"Profile '{profile.Id}' names '{{{name}}}', which is not an applicant field the card can show ({string.Join(", ", Names)})."),
        };
    }
}
