namespace Station.Devices;

/// <summary>A device failed in a way the pipeline handles (retry, spoil the card, raise an alarm). The message says what to check.</summary>
public sealed class DeviceFaultException(DeviceFault fault, string device, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public DeviceFault Fault { get; } = fault;
    public string Device { get; } = device;
}
