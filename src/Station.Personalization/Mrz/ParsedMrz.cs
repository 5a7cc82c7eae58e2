namespace Station.Personalization.Mrz;

/// <summary>
/// An MRZ read back into its data elements, in MRZ characters (fillers trimmed from text fields).
/// Check digits are not enforced when parsing; <see cref="CheckDigitErrors"/> lists the ones that fail.
/// </summary>
public sealed record ParsedMrz
{
    public required MrzFormat Format { get; init; }
    public required IReadOnlyList<string> Lines { get; init; }
    public required string DocumentCode { get; init; }
    public required string IssuingState { get; init; }
    /// <summary>The complete document number, including any part that overflowed into the optional data (TD1).</summary>
    public required string DocumentNumber { get; init; }
    public required char DocumentNumberCheckDigit { get; init; }
    /// <summary><c>YYMMDD</c>.</summary>
    public required string DateOfBirth { get; init; }
    public required char DateOfBirthCheckDigit { get; init; }
    /// <summary><c>M</c>, <c>F</c> or <c>&lt;</c>.</summary>
    public required char Sex { get; init; }
    /// <summary><c>YYMMDD</c>.</summary>
    public required string DateOfExpiry { get; init; }
    public required char DateOfExpiryCheckDigit { get; init; }
    public required string Nationality { get; init; }
    /// <summary>TD1 line 1 optional data (after any document-number overflow), or the TD3 personal number.</summary>
    public required string OptionalData1 { get; init; }
    /// <summary>TD1 line 2 optional data; empty for TD3.</summary>
    public required string OptionalData2 { get; init; }
    public required string PrimaryIdentifier { get; init; }
    /// <summary>Secondary identifier components separated by single spaces.</summary>
    public required string SecondaryIdentifier { get; init; }
    /// <summary>Names of the check digits that do not match (e.g. <c>documentNumber</c>, <c>composite</c>); empty when all match.</summary>
    public required IReadOnlyList<string> CheckDigitErrors { get; init; }

    /// <summary>
    /// Document number (as printed: a short one keeps its fillers to 9 characters; a long one is complete),
    /// date of birth and date of expiry, each with its check digit: the BAC/PACE MRZ key (Part 11 §9.7.2).
    /// </summary>
    public string MrzInformation =>
        $"{DocumentNumber.PadRight(9, '<')}{DocumentNumberCheckDigit}{DateOfBirth}{DateOfBirthCheckDigit}{DateOfExpiry}{DateOfExpiryCheckDigit}";
}
