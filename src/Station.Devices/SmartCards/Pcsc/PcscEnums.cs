namespace Station.Devices.SmartCards.Pcsc;

/// <summary>SCARD_SHARE_*: whether other applications may talk to the card while we are connected.</summary>
public enum PcscShareMode : uint
{
    Exclusive = 1,
    Shared = 2,
    Direct = 3,
}

/// <summary>SCARD_PROTOCOL_*.</summary>
[Flags]
public enum PcscProtocol : uint
{
    None = 0,
    T0 = 1,
    T1 = 2,
    Raw = 4,
    Any = T0 | T1,
}

/// <summary>SCARD_LEAVE_CARD etc.: what happens to the card on disconnect or reconnect.</summary>
public enum PcscDisposition : uint
{
    LeaveCard = 0,
    ResetCard = 1,
    UnpowerCard = 2,
    EjectCard = 3,
}

/// <summary>SCARD_STATE_* flags reported by SCardGetStatusChange.</summary>
[Flags]
public enum PcscReaderState : uint
{
    Unaware = 0,
    Ignore = 0x1,
    Changed = 0x2,
    Unknown = 0x4,
    Unavailable = 0x8,
    Empty = 0x10,
    Present = 0x20,
    AtrMatch = 0x40,
    Exclusive = 0x80,
    InUse = 0x100,
    Mute = 0x200,
    Unpowered = 0x400,
}
