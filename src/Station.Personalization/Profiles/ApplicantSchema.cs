namespace Station.Personalization.Profiles;

/// <summary>Which applicant document shape a profile accepts (docs/applicant.md).</summary>
public enum ApplicantSchema
{
    /// <summary>Vietnamese citizen: 12-digit ID number, full name, national fields for DG13.</summary>
    VnmCitizen,
    /// <summary>Generic ICAO TD1: document code, issuing state, document number, primary and secondary identifiers.</summary>
    IcaoTd1,
}
