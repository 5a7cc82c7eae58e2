namespace Station.Personalization.Profiles;

/// <summary>Words the profile writes into DG13, the QR code and the card face.</summary>
public sealed record ProfileTexts
{
    public string SexM { get; init; } = "M";
    public string SexF { get; init; } = "F";
    public string SexX { get; init; } = "X";
    /// <summary>Nationality as written in DG13 (e.g. <c>Việt Nam</c>).</summary>
    public string? Nationality { get; init; }
    /// <summary>Written instead of an expiry date when the card does not expire (e.g. <c>Không thời hạn</c>).</summary>
    public string? NoExpiry { get; init; }
    /// <summary>.NET date format for human-readable dates (DG13, card face).</summary>
    public string DateFormat { get; init; } = "dd/MM/yyyy";

    public string Sex(char sex) => sex switch
    {
        'M' => SexM,
        'F' => SexF,
        _ => SexX,
    };
}
