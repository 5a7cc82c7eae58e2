namespace Station.Personalization.Apdu;

/// <summary>Typed send over any <see cref="IApduTransport"/>.</summary>
public static class ApduTransportExtensions
{
    public static async Task<ResponseApdu> SendAsync(this IApduTransport transport, CommandApdu command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(command);
        byte[] raw = await transport.TransmitAsync(command.ToBytes(), cancellationToken).ConfigureAwait(false);
        return ResponseApdu.Parse(raw);
    }
}
