namespace Station.Personalization.Apdu;

/// <summary>Why a transport could not exchange an APDU at all (as opposed to a card answering with an error status word).</summary>
public enum CardTransportFailure
{
    /// <summary>The card left the reader (or the emulator went away) during the exchange.</summary>
    CardRemoved,

    /// <summary>The card is present but does not answer (no ATR, or a timeout).</summary>
    CardMute,

    /// <summary>The reader or its service is gone (reader unplugged, pcscd stopped).</summary>
    ReaderUnavailable,
}

/// <summary>
/// Thrown by <see cref="IApduTransport"/> implementations when no response could be obtained, so protocol code in
/// Station.Personalization can tell a removed or mute card from a card error without knowing the device layer.
/// </summary>
public sealed class CardTransportException(CardTransportFailure failure, string message, Exception? inner = null) : Exception(message, inner)
{
    public CardTransportFailure Failure { get; } = failure;
}
