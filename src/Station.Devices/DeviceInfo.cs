namespace Station.Devices;

/// <summary>What a device is, for the birth message and <c>station</c> diagnostics.</summary>
public sealed record DeviceInfo(string Kind, string Model, string Firmware, bool Simulated);
