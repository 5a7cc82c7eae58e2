using System.Runtime.InteropServices;
using System.Text;

namespace Station.Devices.SmartCards.Pcsc;

/// <summary>
/// A pcsc-lite context: lists readers, watches readers and cards with SCardGetStatusChange (blocking in the daemon,
/// cancelled with SCardCancel, never polled), and connects to cards.
/// </summary>
public sealed class PcscContext : IDisposable
{
    /// <summary>SCARD_SCOPE_SYSTEM.</summary>
    private const nuint SystemScope = 2;
    /// <summary>The special reader name that reports reader arrivals and removals.</summary>
    public const string PnpNotification = @"\\?PnP?\Notification";

    private nint _handle;

    private PcscContext(nint handle) => _handle = handle;

    /// <summary>Connects to pcscd.</summary>
    /// <exception cref="PcscException">pcscd is not running (the message says how to start it), or the library is missing.</exception>
    public static PcscContext Establish()
    {
        nint result;
        nint handle;
        try
        {
            result = PcscNative.EstablishContext(SystemScope, 0, 0, out handle);
        }
        catch (DllNotFoundException e)
        {
            throw new PcscException("libpcsclite.so.1 is not installed: install the 'libpcsclite1' and 'pcscd' packages", e);
        }
        PcscException.ThrowIfFailed(result, "SCardEstablishContext");
        return new PcscContext(handle);
    }

    internal nint Handle => _handle != 0 ? _handle : throw new ObjectDisposedException(nameof(PcscContext));

    /// <summary>Names of the connected readers; empty when none is connected.</summary>
    public unsafe IReadOnlyList<string> ListReaders()
    {
        nuint length = 0;
        nint result = PcscNative.ListReaders(Handle, null, null, ref length);
        if ((PcscError)(uint)(nuint)result == PcscError.NoReadersAvailable)
            return [];
        PcscException.ThrowIfFailed(result, "SCardListReaders");
        byte[] buffer = new byte[(int)length];
        fixed (byte* p = buffer)
            result = PcscNative.ListReaders(Handle, null, p, ref length);
        if ((PcscError)(uint)(nuint)result == PcscError.NoReadersAvailable)
            return [];
        PcscException.ThrowIfFailed(result, "SCardListReaders");
        return Encoding.UTF8.GetString(buffer, 0, (int)length).Split('\0', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Current state of each reader, without waiting.</summary>
    public IReadOnlyList<ReaderStatus> GetStatus(IReadOnlyList<string> readers) =>
        GetStatusChange(readers.Select(r => new ReaderStatus(r, PcscReaderState.Unaware, [])).ToArray(), 0)
        ?? throw new PcscException(PcscError.Timeout, "SCardGetStatusChange");

    // How long one SCardGetStatusChange may block before the cancellation token is looked at again.
    private const nuint WaitSliceMs = 500;

    /// <summary>
    /// Waits in pcscd until one of the readers differs from <paramref name="known"/> (card inserted or removed, reader
    /// gone), and returns the new states. The wait holds a thread-pool thread; cancellation calls SCardCancel and is
    /// seen within half a second even when it comes before pcscd started waiting.
    /// </summary>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public async Task<IReadOnlyList<ReaderStatus>> WaitForChangeAsync(IReadOnlyList<ReaderStatus> known, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var registration = cancellationToken.Register(() => PcscNative.Cancel(_handle));
        try
        {
            return await Task.Run(() =>
            {
                // SCardCancel only ends a wait that has begun: a cancel that comes while this thread is still being
                // scheduled would be lost and the wait would never end. Waiting in slices closes that gap.
                while (true)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (GetStatusChange(known, WaitSliceMs) is { } changed)
                        return changed;
                }
            }, CancellationToken.None).ConfigureAwait(false);
        }
        catch (PcscException e) when (e.Error == PcscError.Cancelled)
        {
            throw new OperationCanceledException("Waiting for a reader or card change was cancelled", e, cancellationToken);
        }
    }

    /// <summary>Waits until a card is present in <paramref name="reader"/>; returns its status (with the ATR).</summary>
    public async Task<ReaderStatus> WaitForCardAsync(string reader, CancellationToken cancellationToken)
    {
        var states = GetStatus([reader]);
        while (!states[0].CardPresent)
        {
            if (states[0].Unavailable)
                throw new PcscException(PcscError.ReaderUnavailable, $"Waiting for a card in '{reader}'");
            states = await WaitForChangeAsync(states, cancellationToken).ConfigureAwait(false);
        }
        return states[0];
    }

    /// <summary>Connects to the card in <paramref name="reader"/>.</summary>
    /// <param name="reader">Reader name as <see cref="ListReaders"/> gives it.</param>
    /// <param name="shareMode">Exclusive while personalizing.</param>
    /// <param name="protocols">Acceptable protocols.</param>
    /// <param name="extendedLe">False for readers that take extended Lc but not extended Le.</param>
    /// <exception cref="PcscException">No card, mute card, sharing violation, unknown reader, pcscd gone.</exception>
    public PcscCard Connect(string reader, PcscShareMode shareMode = PcscShareMode.Exclusive, PcscProtocol protocols = PcscProtocol.Any, bool extendedLe = true)
    {
        ArgumentNullException.ThrowIfNull(reader);
        PcscException.ThrowIfFailed(PcscNative.Connect(Handle, reader, (nuint)shareMode, (nuint)protocols, out nint card, out nuint active),
            $"SCardConnect to '{reader}'");
        try
        {
            return new PcscCard(reader, card, (PcscProtocol)(uint)active, shareMode, extendedLe);
        }
        catch (Exception e)
        {
            // The handle is ours until a PcscCard owns it: left open, it would hold the reader (exclusive) for good.
            _ = PcscNative.Disconnect(card, (nuint)PcscDisposition.ResetCard);
            if (e is FormatException)
            {
                // An answer to reset that cannot be read is a card that does not answer properly: a mute card.
                throw new PcscException(PcscError.UnresponsiveCard, $"SCardConnect to '{reader}' (the card's answer to reset cannot be read: {e.Message})");
            }

            throw;
        }
    }

    public void Dispose()
    {
        if (_handle == 0)
            return;
        PcscNative.ReleaseContext(_handle);
        _handle = 0;
    }

    private unsafe IReadOnlyList<ReaderStatus>? GetStatusChange(IReadOnlyList<ReaderStatus> known, nuint timeout)
    {
        var states = new PcscNative.ReaderState[known.Count];
        var names = new nint[known.Count];
        try
        {
            for (int i = 0; i < known.Count; i++)
            {
                names[i] = Marshal.StringToCoTaskMemUTF8(known[i].Reader);
                states[i].Reader = names[i];
                states[i].CurrentState = (nuint)(uint)(known[i].State & ~PcscReaderState.Changed);
            }
            nint result;
            fixed (PcscNative.ReaderState* p = states)
                result = PcscNative.GetStatusChange(Handle, timeout, p, (nuint)states.Length);
            if ((PcscError)(uint)(nuint)result == PcscError.Timeout)
                return null;
            PcscException.ThrowIfFailed(result, "SCardGetStatusChange");

            var statuses = new ReaderStatus[known.Count];
            for (int i = 0; i < states.Length; i++)
            {
                var state = states[i];
                byte[] atr = new byte[Math.Min((int)state.AtrLength, PcscNative.MaxAtrSize)];
                for (int j = 0; j < atr.Length; j++)
                    atr[j] = state.Atr[j];
                statuses[i] = new ReaderStatus(known[i].Reader, (PcscReaderState)(uint)state.EventState, atr);
            }
            return statuses;
        }
        finally
        {
            foreach (nint name in names)
                Marshal.FreeCoTaskMem(name);
        }
    }
}
