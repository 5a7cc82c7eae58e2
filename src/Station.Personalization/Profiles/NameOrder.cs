namespace Station.Personalization.Profiles;

/// <summary>How the applicant's name reaches the MRZ primary and secondary identifiers.</summary>
public enum NameOrder
{
    /// <summary>One full name, family name first (Vietnamese): the first word is the primary identifier.</summary>
    FamilyNameFirst,
    /// <summary>The document carries the primary and secondary identifiers separately.</summary>
    SeparateIdentifiers,
}
