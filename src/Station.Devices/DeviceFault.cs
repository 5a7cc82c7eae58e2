namespace Station.Devices;

/// <summary>Faults a device can report; simulators inject the same ones.</summary>
public enum DeviceFault
{
    Jam,
    HopperEmpty,
    CardLost,
    ChipWriteError,
    ChipMute,
    CardRemoved,
    SensorTimeout,
    CameraUnavailable,
    RibbonOut,
    CoverOpen,
    PrintFailed,
}
