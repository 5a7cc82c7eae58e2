using System.ComponentModel.DataAnnotations;

namespace Station.Service.Stock;

/// <summary>Options of section <c>Stock</c>.</summary>
public sealed class StockOptions
{
    public const string Section = "Stock";

    /// <summary>Load more cards automatically when the hopper runs empty; unset means "only on simulated devices".</summary>
    public bool? AutoLoad { get; set; }

    [Range(1, 100_000, ErrorMessage = "Stock:AutoLoadCount must be between {1} and {2}.")]
    public int AutoLoadCount { get; set; } = 100;

    /// <summary>Serial of the first automatically loaded card when nothing was loaded before.</summary>
    [RegularExpression("^[A-Z]{1,4}[0-9]{6,12}$", ErrorMessage = "Stock:AutoLoadFirstSerial must be " + CardSerialNumber.FormatDescription + ".")]
    public string AutoLoadFirstSerial { get; set; } = "SIM000000001";
}
