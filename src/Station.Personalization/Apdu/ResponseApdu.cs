namespace Station.Personalization.Apdu;

/// <summary>A response APDU: data field and status word.</summary>
public sealed record ResponseApdu(byte[] Data, ushort StatusWord)
{
    public ResponseApdu(ushort statusWord) : this([], statusWord) { }

    public byte Sw1 => (byte)(StatusWord >> 8);
    public byte Sw2 => (byte)StatusWord;
    public bool IsSuccess => StatusWord == Apdu.StatusWord.Success;

    /// <summary>Parses raw response bytes (data followed by SW1 SW2).</summary>
    /// <exception cref="ApduException">Fewer than two bytes.</exception>
    public static ResponseApdu Parse(ReadOnlySpan<byte> raw)
    {
        if (raw.Length < 2)
            throw new ApduException($"Response APDU of {raw.Length} byte(s) has no status word (needs at least SW1 SW2)");
        return new ResponseApdu(raw[..^2].ToArray(), (ushort)(raw[^2] << 8 | raw[^1]));
    }

    public byte[] ToBytes() => [.. Data, Sw1, Sw2];

    /// <summary>Returns this response when the status is 9000, otherwise throws naming <paramref name="command"/>.</summary>
    public ResponseApdu EnsureSuccess(string command) =>
        IsSuccess ? this : throw new ApduException(StatusWord, command);

    public override string ToString() => $"{Convert.ToHexString(Data)} {StatusWord:X4}";
}
