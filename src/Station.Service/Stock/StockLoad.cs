namespace Station.Service.Stock;

/// <summary>One load of blank cards into the hopper: consecutive serials from <see cref="FirstSerial"/>.</summary>
public sealed class StockLoad
{
    public long Id { get; set; }
    public string FirstSerial { get; set; } = "";
    public string LastSerial { get; set; } = "";
    public int Count { get; set; }
    /// <summary><c>cli</c>, <c>auto</c> (simulation) or <c>test</c>.</summary>
    public string Source { get; set; } = "";
    public DateTime LoadedUtc { get; set; }
}
