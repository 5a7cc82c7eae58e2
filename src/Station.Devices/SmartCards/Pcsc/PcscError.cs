namespace Station.Devices.SmartCards.Pcsc;

/// <summary>pcsc-lite result codes the station tells apart (pcsclite.h).</summary>
public enum PcscError : uint
{
    Success = 0,
    InternalError = 0x80100001,
    Cancelled = 0x80100002,
    InvalidHandle = 0x80100003,
    InvalidParameter = 0x80100004,
    InsufficientBuffer = 0x80100008,
    UnknownReader = 0x80100009,
    Timeout = 0x8010000A,
    SharingViolation = 0x8010000B,
    NoSmartcard = 0x8010000C,
    ProtocolMismatch = 0x8010000F,
    InvalidValue = 0x80100011,
    CommunicationError = 0x80100013,
    NotTransacted = 0x80100016,
    ReaderUnavailable = 0x80100017,
    NoService = 0x8010001D,
    ServiceStopped = 0x8010001E,
    NoReadersAvailable = 0x8010002E,
    CommunicationDataLost = 0x8010002F,
    UnresponsiveCard = 0x80100066,
    UnpoweredCard = 0x80100067,
    ResetCard = 0x80100068,
    RemovedCard = 0x80100069,
}
