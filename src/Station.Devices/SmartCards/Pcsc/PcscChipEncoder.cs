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
                var context = Context();
                string reader = ResolveReader(context);
                var status = context.GetStatus([reader])[0];
                return status.Mute ? new DeviceStatus(Kind, "warning", "ChipMute", "The card in the encoder does not answer")
                    : status.CardPresent ? new DeviceStatus(Kind, "ok", "CardPresent")
                    : new DeviceStatus(Kind, "ok", "NoCard");
            }
            catch (PcscException e)
            {
                Reset();
                return new DeviceStatus(Kind, "fault", e.Error is PcscError.NoService or PcscError.ServiceStopped ? "PcscUnavailable" : "ReaderUnavailable", e.Message);
            }
        }
    }

    /// <exception cref="DeviceFaultException">CardRemoved (no card at the chip station) or ChipMute (the card does not answer).</exception>
    /// <exception cref="PcscException">pcscd not running, the reader is missing, or another application holds the card.</exception>
    public Task<IChipConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            var context = Context();
            return Task.FromResult<IChipConnection>(context.Connect(ResolveReader(context), options.ShareMode, options.Protocols, options.ExtendedLe));
        }
        catch (PcscException e) when (e.Error is PcscError.NoSmartcard or PcscError.RemovedCard)
        {
            throw new DeviceFaultException(DeviceFault.CardRemoved, Kind, $"No card at the chip station: {e.Message}", e);
        }
        catch (PcscException e) when (e.Error is PcscError.UnresponsiveCard or PcscError.UnpoweredCard)
        {
            throw new DeviceFaultException(DeviceFault.ChipMute, Kind, $"The card at the chip station does not answer: {e.Message}", e);
        }
        catch (PcscException e) when (e.Error is PcscError.NoService or PcscError.ServiceStopped or PcscError.InvalidHandle)
        {
            Reset(); // pcscd restarted: the next attempt establishes a new context
            throw;
        }
    }

    public void Dispose() => Reset();

    private PcscContext Context()
    {
        lock (_gate)
            return _context ??= PcscContext.Establish();
    }

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
