using Station.Devices;

namespace Station.Service.Center.Telemetry;

/// <summary>What goes into the birth document besides the session fields (<c>status</c>, <c>bdSeq</c>, <c>stationId</c>).</summary>
/// <param name="SoftwareVersion">Version of the station software.</param>
/// <param name="Profile">Country profile in use, e.g. <c>VNM</c>.</param>
/// <param name="Capabilities">What the station can do, e.g. <c>issue</c>, <c>pace</c>, <c>dg3</c>.</param>
/// <param name="Devices">Every device the station drives, simulated or real.</param>
/// <param name="ConfigHash">Hash of the effective configuration, so the center notices drift.</param>
/// <param name="StartedAt">When the station process started.</param>
public sealed record StationDescription(
    string SoftwareVersion,
    string Profile,
    IReadOnlyList<DeviceInfo> Devices,
    IReadOnlyList<string> Capabilities,
    string ConfigHash,
    DateTimeOffset StartedAt);
