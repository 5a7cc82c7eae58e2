namespace Station.Devices.Printer;

/// <summary>Settings of the simulated card printer.</summary>
public sealed record SimulatedPrinterOptions
{
    /// <summary>Folder that receives every printed face as PNG; null keeps nothing.</summary>
    public string? PrintedFacesDirectory { get; init; }

    /// <summary>Prints left on the ribbon; the status says <c>RibbonLow</c> below <see cref="RibbonLowThreshold"/> and prints fail at zero.</summary>
    public int RibbonPrints { get; init; } = int.MaxValue;

    public int RibbonLowThreshold { get; init; } = 50;
}
