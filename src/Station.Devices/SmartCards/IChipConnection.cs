using Station.Personalization.Apdu;

namespace Station.Devices.SmartCards;

/// <summary>An open connection to one card; disposing it releases the card (leave it powered, do not eject).</summary>
public interface IChipConnection : IApduTransport, IAsyncDisposable
{
    /// <summary>The card's answer to reset.</summary>
    byte[] Atr { get; }
}
