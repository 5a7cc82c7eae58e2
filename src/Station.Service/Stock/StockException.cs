namespace Station.Service.Stock;

/// <summary>A stock operation cannot be done (bad load, no card in the hopper, broken identity); the message says what to do.</summary>
public sealed class StockException(string code, string message) : Exception(message)
{
    public const string HopperEmpty = nameof(HopperEmpty);
    public const string BadLoad = nameof(BadLoad);
    public const string IdentityBroken = nameof(IdentityBroken);
    public const string NotHeld = nameof(NotHeld);

    public string Code { get; } = code;
}
