namespace Station.Personalization.Profiles;

/// <summary>How a profile fills the TD1 MRZ (Doc 9303 Part 5).</summary>
public enum MrzLayoutKind
{
    /// <summary>Standard TD1; document numbers longer than 9 characters overflow into the optional data.</summary>
    StandardTd1,
    /// <summary>
    /// Vietnamese CCCD: document number = last 9 digits of the 12-digit ID number; optional data =
    /// the full ID number, <c>&lt;&lt;</c>, and a check digit over the ID number in the last position.
    /// </summary>
    VnmIdNumberInOptionalData,
}
