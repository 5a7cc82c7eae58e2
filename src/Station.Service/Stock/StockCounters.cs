namespace Station.Service.Stock;

/// <summary>
/// The running totals of the stock (one document), updated in the same transaction as the cards they count.
/// <see cref="NextCardId"/> is the hopper's head: cards leave the hopper in load order.
/// </summary>
public sealed class StockCounters
{
    public const string DocumentId = "stock";

    public string Id { get; set; } = DocumentId;
    public long Loaded { get; set; }
    public long InHopper { get; set; }
    public long InUse { get; set; }
    public long Issued { get; set; }
    public long Spoiled { get; set; }
    public long NextCardId { get; set; } = 1;
    public long LastCardId { get; set; }
}
