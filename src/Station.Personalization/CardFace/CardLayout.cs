namespace Station.Personalization.CardFace;

/// <summary>
/// Which fields a country prints on each side of the card, in order (profile <c>cardLayout</c>). The frame is
/// fixed: header captions, portrait, QR code and expiry on the front; the MRZ band on the back.
/// </summary>
public sealed record CardLayout
{
    public IReadOnlyList<CardField> Front { get; init; } =
    [
        new("idNumber", Prominent: true),
        new("fullName", Prominent: true),
        new("dateOfBirth"),
        new("sexText"),
        new("nationality"),
    ];

    public IReadOnlyList<CardField> Back { get; init; } = [new("dateOfIssue")];
}
