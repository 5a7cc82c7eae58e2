namespace Station.Devices.SmartCards.Pcsc;

/// <summary>
/// The chip encoder of a card printer seen as a PC/SC reader. Each <see cref="ConnectAsync"/> connects to the card
/// at the chip station; the context is re-established when pcscd was restarted.
/// </summary>
public sealed class PcscChipEncoder(PcscChipEncoderOptions options) : IChipEncoder, IDisposable
{
    private const string Kind = "ChipEncoder";
    private readonly Lock _gate = new();
    private PcscContext? _context;

    public DeviceInfo Info => new(Kind, $"PC/SC reader {options.ReaderName ?? "(first reader)"}", "pcsc-lite", Simulated: false);

    public DeviceStatus Status
    {
        get
        {
            try
            {
                var status = WithContext(context => context.GetStatus([ResolveReader(context)])[0]);
                return status.Mute ? new DeviceStatus(Kind, "warning", "ChipMute", "The card in the encoder does not answer")
                    : status.CardPresent ? new DeviceStatus(Kind, "ok", "CardPresent")
                    : new DeviceStatus(Kind, "ok", "NoCard");
            }
            catch (PcscException e)
            {
                return new DeviceStatus(Kind, "fault", IsServiceGone(e) ? "PcscUnavailable" : "ReaderUnavailable", e.Message);
            }
        }
    }

    /// <exception cref="DeviceFaultException">
    /// CardRemoved (no card at the chip station), ChipMute (the card does not answer), or EncoderUnavailable (pcscd not
    /// running, the reader is missing, or another application holds the card; the message says which and what to do).
    /// </exception>
    public Task<IChipConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return Task.FromResult<IChipConnection>(WithContext(context =>
                context.Connect(ResolveReader(context), options.ShareMode, options.Protocols, options.ExtendedLe)));
        }
        catch (PcscException e) when (e.Error is PcscError.NoSmartcard or PcscError.RemovedCard)
        {
            throw new DeviceFaultException(DeviceFault.CardRemoved, Kind, $"No card at the chip station: {e.Message}", e);
        }
        catch (PcscException e) when (e.Error is PcscError.UnresponsiveCard or PcscError.UnpoweredCard)
        {
            throw new DeviceFaultException(DeviceFault.ChipMute, Kind, $"The card at the chip station does not answer: {e.Message}", e);
        }
        catch (PcscException e)
        {
            throw new DeviceFaultException(DeviceFault.EncoderUnavailable, Kind, $"The chip encoder is unavailable: {e.Message}", e);
        }
    }

    public void Dispose() => Reset();

    private PcscContext Context()
    {
        lock (_gate)
            return _context ??= PcscContext.Establish();
    }

    /// <summary>
    /// Runs <paramref name="call"/> on the current context. A context made before pcscd was restarted fails with
    /// NoService or InvalidHandle: it is then dropped and the call tried once more on a new one.
    /// </summary>
    private T WithContext<T>(Func<PcscContext, T> call)
    {
        try
        {
            return call(Context());
        }
        catch (PcscException e) when (IsServiceGone(e))
        {
            Reset();
        }
        try
        {
            return call(Context());
        }
        catch (PcscException e) when (IsServiceGone(e))
        {
            Reset(); // still down: the next call tries again
            throw;
        }
    }

    private static bool IsServiceGone(PcscException e) => e.Error is PcscError.NoService or PcscError.ServiceStopped or PcscError.InvalidHandle;

    private void Reset()
    {
        lock (_gate)
        {
            _context?.Dispose();
            _context = null;
        }
    }

    private string ResolveReader(PcscContext context)
    {
        var readers = context.ListReaders();
        if (options.ReaderName is { } name)
            return readers.Contains(name)
                ? name
                : throw new PcscException($"Reader '{name}' is not connected; readers present: {(readers.Count == 0 ? "none" : string.Join(", ", readers))}");
        return readers.Count switch
        {
            0 => throw new PcscException(PcscError.NoReadersAvailable, "Looking for the chip encoder"),
            1 => readers[0],
            _ => throw new PcscException($"Several readers are connected ({string.Join(", ", readers)}): set the encoder's ReaderName"),
        };
    }
}
