namespace Station.Devices.SmartCards.Pcsc;

/// <summary>A pcsc-lite call failed; the message says what it means for the station and what to do.</summary>
public sealed class PcscException : Exception
{
    public PcscException(PcscError error, string operation)
        : base($"{operation} failed: {Explain(error)} (0x{(uint)error:X8} {error})")
    {
        Error = error;
    }

    public PcscException(string message) : base(message) { }

    public PcscException(string message, Exception inner) : base(message, inner) { }

    public PcscException() { }

    public PcscError Error { get; }

    internal static string Explain(PcscError error) => error switch
    {
        PcscError.NoService or PcscError.ServiceStopped =>
            "the PC/SC daemon is not running: start it with 'systemctl start pcscd' (or 'pcscd -f' in a terminal)",
        PcscError.NoReadersAvailable => "no smart-card reader is connected: plug in the encoder or check its USB cable",
        PcscError.UnknownReader or PcscError.ReaderUnavailable => "the reader is gone (unplugged, or its driver stopped)",
        PcscError.NoSmartcard or PcscError.RemovedCard => "there is no card in the reader (it was removed)",
        PcscError.ResetCard => "the card was reset by another application",
        PcscError.UnresponsiveCard or PcscError.UnpoweredCard => "the card does not answer (mute chip, or inserted the wrong way)",
        PcscError.SharingViolation => "another application holds the card exclusively (close it, e.g. a running opensc-tool or browser)",
        PcscError.ProtocolMismatch => "the card does not speak the requested protocol (T=0/T=1)",
        PcscError.Timeout => "timed out",
        PcscError.Cancelled => "cancelled",
        PcscError.CommunicationError or PcscError.NotTransacted or PcscError.CommunicationDataLost => "communication with the card failed",
        _ => "pcsc-lite error",
    };

    internal static void ThrowIfFailed(nint result, string operation)
    {
        var error = (PcscError)(uint)(nuint)result;
        if (error != PcscError.Success)
            throw new PcscException(error, operation);
    }
}
