namespace Station.Personalization.Apdu;

/// <summary>
/// Sends one command APDU to a card and returns its response. Implemented by the PC/SC layer and
/// by the simulated chip in Station.Devices; the chip protocols here (personalization, BAC, reading)
/// are written against it.
/// </summary>
public interface IApduTransport
{
    /// <summary>Largest command data field the transport and card accept (255 for short APDUs, more with extended length).</summary>
    int MaxCommandDataLength { get; }

    /// <summary>Largest response data length to ask for with Le.</summary>
    int MaxResponseDataLength { get; }

    /// <summary>Sends raw APDU bytes; returns the raw response including SW1 SW2.</summary>
    Task<byte[]> TransmitAsync(ReadOnlyMemory<byte> command, CancellationToken cancellationToken);
}
