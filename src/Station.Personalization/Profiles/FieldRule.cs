namespace Station.Personalization.Profiles;

/// <summary>Length and allowed characters of one applicant field (JSON name), as the profile sets them.</summary>
/// <param name="MaxLength">Maximum length in UTF-16 code units after NFC normalisation.</param>
/// <param name="Pattern">A .NET regular expression the whole value must match; null allows any characters.</param>
public sealed record FieldRule(int MaxLength, string? Pattern);
