namespace Station.Personalization.Applicants;

/// <summary>One problem with one field of an applicant document. <see cref="Field"/> is the JSON name.</summary>
public sealed record FieldError(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}
