namespace Station.Personalization.Applicants;

/// <summary>
/// A validated applicant: the typed form of the applicant document (docs/applicant.md).
/// Only intake validation (<c>ApplicantIntake</c>) creates one, so every instance has passed intake validation.
/// Fields that a profile does not use are null (e.g. <see cref="IdNumber"/> for ICAO-TD1).
/// </summary>
public sealed record Applicant
{
    public required string ApplicationId { get; init; }
    /// <summary>Country profile id, e.g. <c>VNM</c> or <c>ICAO-TD1</c>.</summary>
    public required string Profile { get; init; }
    public required DateOnly DateOfBirth { get; init; }
    /// <summary><c>M</c>, <c>F</c> or <c>X</c> (unspecified), as written in the MRZ.</summary>
    public required char Sex { get; init; }
    /// <summary>ICAO three-letter code, e.g. <c>VNM</c>.</summary>
    public required string Nationality { get; init; }
    public required DateOnly DateOfIssue { get; init; }
    /// <summary>Null when the card does not expire (MRZ <c>991231</c> in the VNM profile).</summary>
    public DateOnly? DateOfExpiry { get; init; }
    /// <summary>Portrait as JPEG bytes when supplied by the center; null means capture at the station.</summary>
    public byte[]? Photo { get; init; }
    /// <summary>Finger images supplied with the application; null means capture at the station.</summary>
    public IReadOnlyList<Biometrics.FingerImage>? Fingerprints { get; init; }

    // National (VNM) fields.
    public string? IdNumber { get; init; }
    /// <summary>Full name with diacritics, family name first (VNM).</summary>
    public string? FullName { get; init; }
    public string? Ethnicity { get; init; }
    public string? Religion { get; init; }
    public string? PlaceOfOrigin { get; init; }
    public string? PlaceOfResidence { get; init; }
    public string? IdentifyingMarks { get; init; }
    public string? FatherName { get; init; }
    public string? MotherName { get; init; }
    public string? SpouseName { get; init; }
    public string? OldIdNumber { get; init; }

    // Generic ICAO TD1 fields.
    public string? DocumentCode { get; init; }
    public string? IssuingState { get; init; }
    public string? DocumentNumber { get; init; }
    public string? PrimaryIdentifier { get; init; }
    public string? SecondaryIdentifier { get; init; }
    public string? OptionalData { get; init; }
}
