using Station.Personalization.Apdu;

namespace Station.Devices.SmartCards.Pcsc;

/// <summary>
/// A connected card: transmit (with pcsc-lite's T=0/T=1 PCI), reconnect, status, and disconnect with a disposition.
/// Extended length is used when the ATR announces it; when the card refuses an extended APDU with 6700 the
/// connection drops to short APDUs (<see cref="ShortLengthFallbackTransport"/>).
/// </summary>
public sealed class PcscCard : IChipConnection
{
    /// <summary>Response buffer: 65536 data bytes plus SW1 SW2.</summary>
    private const int ReceiveBufferSize = 65538;
    private readonly PcscShareMode _shareMode;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private nint _handle;
    private readonly bool _extendedLe;
    private readonly ShortLengthFallbackTransport _fallback;

    internal PcscCard(string reader, nint handle, PcscProtocol protocol, PcscShareMode shareMode, bool extendedLe)
    {
        (Reader, _handle, ActiveProtocol, _shareMode, _extendedLe) = (reader, handle, protocol, shareMode, extendedLe);
        AnswerToReset = AnswerToReset.Parse(ReadStatus().Atr);
        _fallback = new ShortLengthFallbackTransport(new RawTransport(this));
    }

    public string Reader { get; }
    public PcscProtocol ActiveProtocol { get; private set; }
    public AnswerToReset AnswerToReset { get; private set; }
    public byte[] Atr => (byte[])AnswerToReset.Bytes.Clone();

    /// <summary>Extended length only when the card announces it, the protocol is T=1, and the card has not refused it.</summary>
    public bool ExtendedLength => AnswerToReset.ExtendedLength && ActiveProtocol == PcscProtocol.T1 && !_fallback.ExtendedRefused;

    public int MaxCommandDataLength => _fallback.MaxCommandDataLength;
    public int MaxResponseDataLength => _fallback.MaxResponseDataLength;

    /// <summary>Number of APDUs and bytes sent on this connection (for wire figures).</summary>
    public int ApduCount { get; private set; }
    public long BytesSent { get; private set; }

    public async Task<byte[]> TransmitAsync(ReadOnlyMemory<byte> command, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await _fallback.TransmitAsync(command, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>SCardReconnect, e.g. after another application reset the card.</summary>
    public void Reconnect(PcscDisposition initialization = PcscDisposition.LeaveCard)
    {
        PcscException.ThrowIfFailed(PcscNative.Reconnect(Handle, (nuint)_shareMode, (nuint)PcscProtocol.Any, (nuint)initialization, out nuint active), $"SCardReconnect to '{Reader}'");
        ActiveProtocol = (PcscProtocol)(uint)active;
        AnswerToReset = AnswerToReset.Parse(ReadStatus().Atr);
    }

    /// <summary>SCardStatus: reader state flags and the ATR.</summary>
    public unsafe (PcscReaderState State, byte[] Atr) ReadStatus()
    {
        byte* atr = stackalloc byte[PcscNative.MaxAtrSize];
        nuint atrLength = PcscNative.MaxAtrSize;
        nuint nameLength = 0;
        PcscException.ThrowIfFailed(PcscNative.Status(Handle, null, ref nameLength, out nuint state, out _, atr, ref atrLength), $"SCardStatus on '{Reader}'");
        return ((PcscReaderState)(uint)state, new ReadOnlySpan<byte>(atr, (int)atrLength).ToArray());
    }

    /// <summary>SCardDisconnect with the given disposition (LeaveCard keeps the card powered for the next step).</summary>
    public void Disconnect(PcscDisposition disposition)
    {
        if (_handle == 0)
            return;
        nint result = PcscNative.Disconnect(_handle, (nuint)disposition);
        _handle = 0;
        PcscException.ThrowIfFailed(result, $"SCardDisconnect from '{Reader}'");
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            Disconnect(PcscDisposition.LeaveCard);
        }
        catch (PcscException)
        {
            // The card or reader is already gone; nothing is left to release.
        }
        _gate.Dispose();
        return ValueTask.CompletedTask;
    }

    private nint Handle => _handle != 0 ? _handle : throw new ObjectDisposedException(nameof(PcscCard), $"The connection to '{Reader}' is closed");

    private unsafe byte[] Transmit(ReadOnlySpan<byte> command)
    {
        var pci = new PcscNative.IoRequest { Protocol = (nuint)(uint)ActiveProtocol, PciLength = (nuint)sizeof(PcscNative.IoRequest) };
        byte[] receive = new byte[ReceiveBufferSize];
        nuint receiveLength = (nuint)receive.Length;
        nint result;
        fixed (byte* send = command)
        fixed (byte* r = receive)
            result = PcscNative.Transmit(Handle, &pci, send, (nuint)command.Length, null, r, ref receiveLength);
        ApduCount++;
        BytesSent += command.Length;
        var error = (PcscError)(uint)(nuint)result;
        if (error != PcscError.Success)
            throw ToTransportException(error);
        return receive.AsSpan(0, (int)receiveLength).ToArray();
    }

    private CardTransportException ToTransportException(PcscError error)
    {
        var inner = new PcscException(error, $"SCardTransmit on '{Reader}'");
        var failure = error switch
        {
            PcscError.RemovedCard or PcscError.NoSmartcard or PcscError.ResetCard => CardTransportFailure.CardRemoved,
            PcscError.UnresponsiveCard or PcscError.UnpoweredCard or PcscError.NotTransacted or PcscError.CommunicationError
                or PcscError.CommunicationDataLost or PcscError.Timeout => CardTransportFailure.CardMute,
            _ => CardTransportFailure.ReaderUnavailable,
        };
        return new CardTransportException(failure, inner.Message, inner);
    }

    /// <summary>SCardTransmit itself, with the limits the ATR and the reader allow.</summary>
    private sealed class RawTransport(PcscCard card) : IApduTransport
    {
        private bool Extended => card.AnswerToReset.ExtendedLength && card.ActiveProtocol == PcscProtocol.T1;
        public int MaxCommandDataLength => Extended ? CommandApdu.MaxExtendedData : CommandApdu.MaxShortData;
        /// <summary>Extended Le only when the reader takes it too (vpcd, for one, never answers an extended-Le APDU).</summary>
        public int MaxResponseDataLength => Extended && card._extendedLe ? CommandApdu.MaxExtendedNe : CommandApdu.MaxShortNe;

        public Task<byte[]> TransmitAsync(ReadOnlyMemory<byte> command, CancellationToken cancellationToken) =>
            Task.Run(() => card.Transmit(command.Span), cancellationToken);
    }
}
