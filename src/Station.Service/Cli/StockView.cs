using Station.Service.Stock;

namespace Station.Service.Cli;

/// <summary>The <c>stock --json</c> document.</summary>
public sealed record StockView(long Loaded, long InHopper, long InUse, long Issued, long Spoiled, IReadOnlyList<CardView> Cards)
{
    public static StockView From(StockSummary summary, IEnumerable<CardRecord> cards)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new(summary.Loaded, summary.InHopper, summary.InUse, summary.Issued, summary.Spoiled,
            cards.Select(c => new CardView(c.Serial, c.State, c.JobId, c.Reason)).ToList());
    }
}

/// <summary>One card in <c>stock --json</c>.</summary>
public sealed record CardView(string Serial, CardState State, string? JobId, string? Reason);
