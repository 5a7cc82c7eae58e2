namespace Station.Service.Pipeline;

/// <summary>Names of the device actions recorded as intents and outcomes in a job's history.</summary>
public static class DeviceActions
{
    public const string CameraCapture = "camera.capture";
    public const string FingerprintCapture = "fingerprint.capture";
    public const string PrinterFeed = "printer.feed";
    public const string ChipWrite = "chip.write";
    public const string ChipVerify = "chip.verify";
    public const string PrinterPrint = "printer.print";
    public const string PrinterEject = "printer.eject";
    public const string PrinterReject = "printer.reject";

    public const string Ok = "ok";
    public const string Fault = "fault";
    public const string Interrupted = "interrupted";

    /// <summary>The device refused the action without touching a card (e.g. cover open): not a failure of the step.</summary>
    public const string NotReady = "not-ready";
}
