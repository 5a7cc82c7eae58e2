namespace Station.Personalization.Mrz;

/// <summary>
/// The data elements of a TD1 MRZ (Doc 9303 Part 5, Table 5), already in MRZ characters.
/// Fields shorter than their zone are padded with fillers by <see cref="Td1MrzBuilder"/>.
/// </summary>
/// <param name="DocumentCode">One or two characters, e.g. <c>I</c> or <c>ID</c>.</param>
/// <param name="IssuingState">Three-letter code, e.g. <c>UTO</c>.</param>
/// <param name="DocumentNumber">Any length up to 22; more than 9 characters overflow into the optional data of line 1.</param>
/// <param name="OptionalData1">Line 1 positions 16–30 (after any document-number overflow).</param>
/// <param name="DateOfBirth"><c>YYMMDD</c>.</param>
/// <param name="Sex"><c>M</c>, <c>F</c>, or <c>&lt;</c> for unspecified.</param>
/// <param name="DateOfExpiry"><c>YYMMDD</c>.</param>
/// <param name="Nationality">Three-letter code.</param>
/// <param name="OptionalData2">Line 2 positions 19–29.</param>
/// <param name="Name">The 30-character name field, as <see cref="MrzNameFormatter"/> writes it.</param>
public sealed record Td1MrzFields(
    string DocumentCode,
    string IssuingState,
    string DocumentNumber,
    string OptionalData1,
    string DateOfBirth,
    char Sex,
    string DateOfExpiry,
    string Nationality,
    string OptionalData2,
    string Name);
