namespace Station.Service.Stock;

/// <summary>Counts of the card stock; the identity <c>Loaded = InHopper + InUse + Issued + Spoiled</c> always holds.</summary>
public sealed record StockSummary(long Loaded, long InHopper, long InUse, long Issued, long Spoiled)
{
    public bool IdentityHolds => Loaded == InHopper + InUse + Issued + Spoiled;
}
