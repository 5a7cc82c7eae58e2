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

    /// <summary>The encoder's reader stack is gone (pcscd not running, reader unplugged): no card can be written until it is back.</summary>
    EncoderUnavailable,
}
