using Station.Devices;

namespace Station.Service.Center.Telemetry;

/// <summary>The station's own state at one instant: device health, blank-card stock per kind, and jobs waiting.</summary>
public sealed record TelemetrySnapshot(
    IReadOnlyList<DeviceStatus> Devices,
    IReadOnlyDictionary<string, int> Stock,
    int QueueDepth);
