namespace Station.Personalization.Lds;

/// <summary>A DG13 field this station does not interpret, kept exactly as read so that re-encoding preserves it.</summary>
/// <param name="Number">The field number (the INTEGER that starts the field).</param>
/// <param name="Encoded">The complete field: its SEQUENCE tag, length and content.</param>
public sealed record Dg13UnknownField(int Number, byte[] Encoded);
