namespace Station.Personalization.Mrz;

/// <summary>A built TD1 MRZ.</summary>
/// <param name="Lines">Three lines of 30 characters.</param>
/// <param name="MrzInformation">Document number, date of birth and date of expiry, each with its check digit: the BAC/PACE key seed input (Part 11 §9.7.2).</param>
public sealed record Td1Mrz(IReadOnlyList<string> Lines, string MrzInformation)
{
    /// <summary>The lines joined without separators, as DG1 stores them.</summary>
    public string Text => string.Concat(Lines);
}
