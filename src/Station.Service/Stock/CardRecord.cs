namespace Station.Service.Stock;

/// <summary>One accountable blank card. <see cref="Id"/> is its position in hopper order (cards are taken in that order).</summary>
public sealed class CardRecord
{
    public long Id { get; set; }
    public string Serial { get; set; } = "";
    public CardState State { get; set; }
    public string? JobId { get; set; }
    /// <summary>Why the card was spoiled (see <see cref="SpoilReason"/>).</summary>
    public string? Reason { get; set; }
    public long LoadId { get; set; }
    public DateTime UpdatedUtc { get; set; }
}
