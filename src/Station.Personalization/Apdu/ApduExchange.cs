namespace Station.Personalization.Apdu;

/// <summary>
/// ISO/IEC 7816-3/-4 transport rules over a raw transport: a <c>61xx</c> answer is followed by
/// GET RESPONSE until all data is collected, and a <c>6Cxx</c> answer makes it resend the command with Le = xx.
/// Everything above (secure messaging, readers) sees one complete response per command.
/// </summary>
public sealed class ApduExchange(IApduTransport inner) : IApduTransport
{
    /// <summary>Stops a card that keeps answering 61xx from looping forever.</summary>
    private const int MaxGetResponses = 512;

    public int MaxCommandDataLength => inner.MaxCommandDataLength;
    public int MaxResponseDataLength => inner.MaxResponseDataLength;

    public async Task<byte[]> TransmitAsync(ReadOnlyMemory<byte> command, CancellationToken cancellationToken)
    {
        var apdu = CommandApdu.Parse(command.Span);
        var response = ResponseApdu.Parse(await inner.TransmitAsync(command, cancellationToken).ConfigureAwait(false));

        if (response.Sw1 == StatusWord.WrongLeSw1)
        {
            var resent = apdu with { Ne = response.Sw2 == 0 ? CommandApdu.MaxShortNe : response.Sw2 };
            response = ResponseApdu.Parse(await inner.TransmitAsync(resent.ToBytes(), cancellationToken).ConfigureAwait(false));
        }

        if (response.Sw1 != StatusWord.BytesRemainingSw1)
            return response.ToBytes();

        var data = new List<byte>(response.Data);
        for (int i = 0; response.Sw1 == StatusWord.BytesRemainingSw1; i++)
        {
            if (i == MaxGetResponses)
                throw new ApduException($"Card kept answering 61xx after {MaxGetResponses} GET RESPONSE commands");
            var getResponse = new CommandApdu((byte)(apdu.Cla & 0x03), Instruction.GetResponse, 0, 0,
                ne: response.Sw2 == 0 ? CommandApdu.MaxShortNe : response.Sw2);
            response = ResponseApdu.Parse(await inner.TransmitAsync(getResponse.ToBytes(), cancellationToken).ConfigureAwait(false));
            data.AddRange(response.Data);
        }
        return [.. data, response.Sw1, response.Sw2];
    }
}
