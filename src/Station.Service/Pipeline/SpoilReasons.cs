using Station.Devices;
using Station.Personalization.Chip;
using Station.Service.Stock;

namespace Station.Service.Pipeline;

/// <summary>Maps the exception a card step failed with to the reason recorded on the spoiled card.</summary>
public static class SpoilReasons
{
    public static string From(Exception error, string action) => error switch
    {
        ChipOperationException chip => chip.Reason,
        DeviceFaultException { Fault: DeviceFault.Jam } => SpoilReason.Jam,
        DeviceFaultException { Fault: DeviceFault.CardLost } => SpoilReason.CardLost,
        DeviceFaultException { Fault: DeviceFault.CardRemoved } => SpoilReason.CardRemoved,
        DeviceFaultException { Fault: DeviceFault.ChipMute } => SpoilReason.ChipMute,
        DeviceFaultException { Fault: DeviceFault.EncoderUnavailable } => SpoilReason.EncoderUnavailable,
        DeviceFaultException { Fault: DeviceFault.ChipWriteError } => SpoilReason.ChipWriteFailed,
        DeviceFaultException when action is DeviceActions.PrinterPrint or DeviceActions.PrinterEject => SpoilReason.PrintFailed,
        _ when action == DeviceActions.ChipVerify => SpoilReason.VerifyFailed,
        _ when action == DeviceActions.ChipWrite => SpoilReason.ChipWriteFailed,
        _ => SpoilReason.FeedFailed,
    };

    /// <summary>True for the failures a step handles by retrying (device faults and chip errors); anything else is a bug.</summary>
    public static bool IsStepFault(Exception error) => error is DeviceFaultException or ChipOperationException;
}
