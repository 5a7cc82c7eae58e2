namespace Station.Devices;

/// <summary>Health of one device as reported in telemetry: <see cref="State"/> is <c>ok</c>, <c>warning</c> or <c>fault</c>, with a code (e.g. <c>RibbonLow</c>).</summary>
public sealed record DeviceStatus(string Kind, string State, string? Code = null, string? Message = null);
