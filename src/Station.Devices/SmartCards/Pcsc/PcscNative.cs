using System.Runtime.InteropServices;

namespace Station.Devices.SmartCards.Pcsc;

/// <summary>
/// P/Invoke declarations for pcsc-lite's <c>libpcsclite.so.1</c>. On Linux pcsc-lite declares <c>DWORD</c> as
/// <c>unsigned long</c> and <c>LONG</c>/<c>SCARDCONTEXT</c>/<c>SCARDHANDLE</c> as <c>long</c>: 64-bit on x86_64 and arm64,
/// hence <see cref="nuint"/> and <see cref="nint"/> here (Windows' 32-bit DWORD layout would corrupt the stack).
/// </summary>
internal static unsafe partial class PcscNative
{
    private const string Library = "libpcsclite.so.1";

    public const int MaxAtrSize = 33;

    /// <summary>pcsc-lite's SCARD_READERSTATE: not packed on Linux, 80 bytes on 64-bit.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct ReaderState
    {
        public nint Reader;
        public nint UserData;
        public nuint CurrentState;
        public nuint EventState;
        public nuint AtrLength;
        public fixed byte Atr[MaxAtrSize];
    }

    /// <summary>SCARD_IO_REQUEST: protocol and the size of this header (16 bytes on 64-bit).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct IoRequest
    {
        public nuint Protocol;
        public nuint PciLength;
    }

    [LibraryImport(Library, EntryPoint = "SCardEstablishContext")]
    public static partial nint EstablishContext(nuint scope, nint reserved1, nint reserved2, out nint context);

    [LibraryImport(Library, EntryPoint = "SCardReleaseContext")]
    public static partial nint ReleaseContext(nint context);

    [LibraryImport(Library, EntryPoint = "SCardIsValidContext")]
    public static partial nint IsValidContext(nint context);

    [LibraryImport(Library, EntryPoint = "SCardListReaders")]
    public static partial nint ListReaders(nint context, byte* groups, byte* readers, ref nuint readersLength);

    [LibraryImport(Library, EntryPoint = "SCardGetStatusChange")]
    public static partial nint GetStatusChange(nint context, nuint timeoutMs, ReaderState* states, nuint count);

    [LibraryImport(Library, EntryPoint = "SCardCancel")]
    public static partial nint Cancel(nint context);

    [LibraryImport(Library, EntryPoint = "SCardConnect", StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint Connect(nint context, string reader, nuint shareMode, nuint preferredProtocols, out nint card, out nuint activeProtocol);

    [LibraryImport(Library, EntryPoint = "SCardReconnect")]
    public static partial nint Reconnect(nint card, nuint shareMode, nuint preferredProtocols, nuint initialization, out nuint activeProtocol);

    [LibraryImport(Library, EntryPoint = "SCardDisconnect")]
    public static partial nint Disconnect(nint card, nuint disposition);

    [LibraryImport(Library, EntryPoint = "SCardStatus")]
    public static partial nint Status(nint card, byte* readerName, ref nuint readerLength, out nuint state, out nuint protocol, byte* atr, ref nuint atrLength);

    [LibraryImport(Library, EntryPoint = "SCardTransmit")]
    public static partial nint Transmit(nint card, IoRequest* sendPci, byte* send, nuint sendLength, IoRequest* receivePci, byte* receive, ref nuint receiveLength);
}
