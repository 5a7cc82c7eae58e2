using System.ComponentModel.DataAnnotations;

namespace Station.Service.Hosting;

/// <summary>Options of section <c>Station</c>.</summary>
public sealed class StationOptions
{
    public const string Section = "Station";

    /// <summary>Folder holding all state; <c>--data-dir</c> overrides it. Empty means the default (see <see cref="DataDirectory"/>).</summary>
    public string? DataDir { get; set; }

    [Required(ErrorMessage = "Station:StationId is required.")]
    [RegularExpression("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$", ErrorMessage = "Station:StationId must be 1-64 letters, digits, '-' or '_'.")]
    public string StationId { get; set; } = "station-dev";

    /// <summary>Run on the simulated devices (the only devices available until the hardware drivers arrive).</summary>
    public bool SimulatedDevices { get; set; } = true;
}
