namespace Station.Personalization.Applicants;

/// <summary>Outcome of intake validation: either an applicant or one error per bad field, never both.</summary>
public sealed record IntakeResult(Applicant? Applicant, IReadOnlyList<FieldError> Errors)
{
    public bool IsValid => Applicant is not null && Errors.Count == 0;
}
