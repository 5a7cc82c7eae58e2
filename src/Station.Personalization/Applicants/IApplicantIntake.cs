namespace Station.Personalization.Applicants;

/// <summary>
/// The one intake validator shared by the command line and the center link: parses an applicant
/// document (JSON, see docs/applicant.md), applies the profile's rules and defaults, and returns
/// either the applicant or one error per bad field.
/// </summary>
public interface IApplicantIntake
{
    IntakeResult Validate(string applicantJson);
}
