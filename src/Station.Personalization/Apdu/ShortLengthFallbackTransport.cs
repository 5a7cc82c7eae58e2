namespace Station.Personalization.Apdu;

/// <summary>
/// Falls back to short APDUs when a card that announced extended length refuses one with 6700: from then on it
/// reports short limits, an UPDATE BINARY is resent as 255-byte chunks at the right offsets, and a READ BINARY is
/// resent with Le = 256 (the reader continues from the returned length).
/// </summary>
public sealed class ShortLengthFallbackTransport(IApduTransport inner) : IApduTransport
{
    /// <summary>True once the card has refused an extended-length APDU.</summary>
    public bool ExtendedRefused { get; private set; }

    public int MaxCommandDataLength => ExtendedRefused ? CommandApdu.MaxShortData : inner.MaxCommandDataLength;
    public int MaxResponseDataLength => ExtendedRefused ? CommandApdu.MaxShortNe : inner.MaxResponseDataLength;

    public async Task<byte[]> TransmitAsync(ReadOnlyMemory<byte> command, CancellationToken cancellationToken)
    {
        var apdu = CommandApdu.Parse(command.Span);
        if (!apdu.IsExtended)
            return await inner.TransmitAsync(command, cancellationToken).ConfigureAwait(false);
        if (!ExtendedRefused)
        {
            byte[] response = await inner.TransmitAsync(command, cancellationToken).ConfigureAwait(false);
            if (ResponseApdu.Parse(response).StatusWord != StatusWord.WrongLength)
                return response;
            ExtendedRefused = true;
        }
        return await SendShortAsync(apdu, cancellationToken).ConfigureAwait(false);
    }

    private async Task<byte[]> SendShortAsync(CommandApdu apdu, CancellationToken cancellationToken)
    {
        if (apdu.Ins == Instruction.ReadBinary && apdu.Data.Length == 0)
            return await inner.TransmitAsync((apdu with { Ne = CommandApdu.MaxShortNe }).ToBytes(), cancellationToken).ConfigureAwait(false);
        if (apdu.Ins != Instruction.UpdateBinary || (apdu.P1 & 0x80) != 0 || apdu.Ne > 0)
            return [0x67, 0x00]; // nothing generic to split: the caller sees the card's refusal

        int offset = apdu.P1 << 8 | apdu.P2;
        byte[] last = [];
        for (int done = 0; done < apdu.Data.Length; done += CommandApdu.MaxShortData)
        {
            int at = offset + done;
            var chunk = apdu with
            {
                P1 = (byte)(at >> 8),
                P2 = (byte)at,
                Data = apdu.Data.AsSpan(done, Math.Min(CommandApdu.MaxShortData, apdu.Data.Length - done)).ToArray(),
            };
            last = await inner.TransmitAsync(chunk.ToBytes(), cancellationToken).ConfigureAwait(false);
            if (ResponseApdu.Parse(last).StatusWord != StatusWord.Success)
                return last;
        }
        return last;
    }
}
