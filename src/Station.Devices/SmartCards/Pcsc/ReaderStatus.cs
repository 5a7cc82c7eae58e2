namespace Station.Devices.SmartCards.Pcsc;

/// <summary>One reader as seen by SCardGetStatusChange: its state flags and the ATR of the card in it.</summary>
public sealed record ReaderStatus(string Reader, PcscReaderState State, byte[] Atr)
{
    public bool CardPresent => State.HasFlag(PcscReaderState.Present) && !State.HasFlag(PcscReaderState.Mute);
    public bool Mute => State.HasFlag(PcscReaderState.Mute);
    public bool Unavailable => State.HasFlag(PcscReaderState.Unavailable) || State.HasFlag(PcscReaderState.Unknown);
}
