using Station.Personalization.Apdu;

namespace Station.Personalization.SecureMessaging;

/// <summary>
/// An <see cref="IApduTransport"/> that protects every command and unprotects every response with a
/// session, so file readers are written once and work plain or under BAC/PACE.
/// </summary>
public sealed class SecureMessagingTransport(IApduTransport inner, SecureMessagingSession session) : IApduTransport
{
    /// <summary>DO87 tag, 3 length bytes, indicator; DO97 up to 4; DO8E 10.</summary>
    private const int CommandOverhead = 1 + 3 + 1 + 4 + 10;
    /// <summary>DO87 tag, 3 length bytes, indicator; DO99 4; DO8E 10.</summary>
    private const int ResponseOverhead = 1 + 3 + 1 + 4 + 10;

    public SecureMessagingSession Session => session;

    /// <summary>The largest plain data whose padded cryptogram still fits the inner transport.</summary>
    public int MaxCommandDataLength => PlainCapacity(inner.MaxCommandDataLength - CommandOverhead);
    public int MaxResponseDataLength => PlainCapacity(inner.MaxResponseDataLength - ResponseOverhead);

    public async Task<byte[]> TransmitAsync(ReadOnlyMemory<byte> command, CancellationToken cancellationToken)
    {
        var protectedCommand = session.ProtectCommand(CommandApdu.Parse(command.Span));
        byte[] raw = await inner.TransmitAsync(protectedCommand.ToBytes(), cancellationToken).ConfigureAwait(false);
        return session.UnprotectResponse(ResponseApdu.Parse(raw)).ToBytes();
    }

    /// <summary>Padding always adds at least one byte, so a full block count minus one is the plain maximum.</summary>
    private int PlainCapacity(int cryptogramBudget) => Math.Max(0, cryptogramBudget / session.BlockSize * session.BlockSize - 1);
}
