namespace Station.Service.Center.Telemetry;

/// <summary>
/// What the rest of the station tells the center link about itself: who it is (for the birth message) and
/// how it is doing right now (for telemetry and diagnostics). The host wires one implementation.
/// </summary>
public interface ITelemetrySource
{
    /// <summary>Static identity for the birth document; called at every connect and rebirth.</summary>
    StationDescription Describe();

    /// <summary>Current device health, card stock and job queue; called every telemetry interval.</summary>
    TelemetrySnapshot Capture();
}
