using Station.Personalization.Biometrics;

namespace Station.Personalization.Profiles;

/// <summary>
/// Everything that differs between countries, as data (<c>Profiles/*.json</c>): another country is a new
/// file, not a code fork. Load profiles through <see cref="ProfileRegistry"/>.
/// </summary>
public sealed record CountryProfile
{
    /// <summary>The id an applicant document names in <c>profile</c>, e.g. <c>VNM</c>.</summary>
    public required string Id { get; init; }
    public string? Description { get; init; }
    public required ApplicantSchema ApplicantSchema { get; init; }
    /// <summary>ICAO three-letter issuing state; null when the applicant document gives it (ICAO-TD1).</summary>
    public string? IssuingState { get; init; }
    /// <summary>MRZ document code (e.g. <c>ID</c>); null when the applicant document gives it.</summary>
    public string? DocumentCode { get; init; }
    public required MrzLayoutKind MrzLayout { get; init; }
    public NameOrder NameOrder { get; init; } = NameOrder.SeparateIdentifiers;
    /// <summary>MRZ expiry date written for a card that does not expire (VNM: <c>991231</c>); null: every card needs an expiry date.</summary>
    public string? NoExpiryMrzDate { get; init; }
    /// <summary>Data group numbers present on the chip (1 = DG1 …).</summary>
    public required IReadOnlyList<int> DataGroups { get; init; }
    public Dg13LayoutKind Dg13Layout { get; init; } = Dg13LayoutKind.None;
    public required ValidityRule Validity { get; init; }
    /// <summary>
    /// Front-side QR text with placeholders: <c>{idNumber}</c>, <c>{oldIdNumber}</c>, <c>{fullName}</c>,
    /// <c>{sexText}</c>, <c>{placeOfResidence}</c>, <c>{dateOfBirth:FORMAT}</c>, <c>{dateOfIssue:FORMAT}</c>,
    /// <c>{dateOfExpiry:FORMAT}</c>, <c>{documentNumber}</c>. Null: no QR code on the card.
    /// </summary>
    public string? QrFormat { get; init; }
    /// <summary>Profile-specific transliteration choices that override the default (e.g. <c>Ñ</c> → <c>NXX</c>), upper-case keys.</summary>
    public IReadOnlyDictionary<string, string> Transliteration { get; init; } = new Dictionary<string, string>();
    public ProfileTexts Texts { get; init; } = new();
    /// <summary>Card-face captions by key (<c>fullName</c>, <c>dateOfBirth</c>, …).</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
    /// <summary>Length and character rules per applicant field (JSON name).</summary>
    public IReadOnlyDictionary<string, FieldRule> Fields { get; init; } = new Dictionary<string, FieldRule>();
    /// <summary>Fields printed on each side of the card.</summary>
    public CardFace.CardLayout CardLayout { get; init; } = new();
    /// <summary>Largest DG2 portrait (JPEG bytes) the chip may hold.</summary>
    public int PortraitBudgetBytes { get; init; } = 20000;
    /// <summary>Fingers captured for DG3, in capture order.</summary>
    public IReadOnlyList<FingerPosition> FingerPositions { get; init; } = [FingerPosition.RightIndex, FingerPosition.LeftIndex];

    /// <summary>The caption for <paramref name="key"/>, or the key itself when the profile has none.</summary>
    public string Label(string key) => Labels.TryGetValue(key, out var label) ? label : key;
}
