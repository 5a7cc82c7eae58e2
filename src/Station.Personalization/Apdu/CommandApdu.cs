namespace Station.Personalization.Apdu;

/// <summary>
/// An ISO/IEC 7816-4 command APDU. <see cref="Ne"/> is the expected response length: 0 = no Le field,
/// 256 is short Le <c>00</c>, 65536 is extended Le <c>0000</c>. Short encoding is used when Nc ≤ 255 and Ne ≤ 256.
/// </summary>
public sealed record CommandApdu
{
    public const int MaxShortData = 255;
    public const int MaxShortNe = 256;
    public const int MaxExtendedData = 65535;
    public const int MaxExtendedNe = 65536;

    public CommandApdu(byte cla, byte ins, byte p1, byte p2, byte[]? data = null, int ne = 0)
    {
        Data = data ?? [];
        if (Data.Length > MaxExtendedData)
            throw new ArgumentOutOfRangeException(nameof(data), $"Command data of {Data.Length} bytes exceeds {MaxExtendedData}");
        if (ne is < 0 or > MaxExtendedNe)
            throw new ArgumentOutOfRangeException(nameof(ne), $"Ne {ne} is outside 0..{MaxExtendedNe}");
        (Cla, Ins, P1, P2, Ne) = (cla, ins, p1, p2, ne);
    }

    public byte Cla { get; init; }
    public byte Ins { get; init; }
    public byte P1 { get; init; }
    public byte P2 { get; init; }
    public byte[] Data { get; init; }
    public int Ne { get; init; }

    /// <summary>True when the APDU needs the extended-length encoding.</summary>
    public bool IsExtended => Data.Length > MaxShortData || Ne > MaxShortNe;

    /// <summary>Encodes the APDU; <paramref name="forceExtended"/> uses extended fields even when short would do.</summary>
    public byte[] ToBytes(bool forceExtended = false)
    {
        bool extended = forceExtended || IsExtended;
        var apdu = new List<byte>(7 + Data.Length + 3) { Cla, Ins, P1, P2 };
        if (Data.Length > 0)
        {
            if (extended)
                apdu.AddRange([0x00, (byte)(Data.Length >> 8), (byte)Data.Length]);
            else
                apdu.Add((byte)Data.Length);
            apdu.AddRange(Data);
        }
        if (Ne > 0)
        {
            if (extended)
            {
                if (Data.Length == 0)
                    apdu.Add(0x00);
                int le = Ne == MaxExtendedNe ? 0 : Ne;
                apdu.AddRange([(byte)(le >> 8), (byte)le]);
            }
            else
            {
                apdu.Add((byte)(Ne == MaxShortNe ? 0 : Ne));
            }
        }
        return [.. apdu];
    }

    /// <summary>Parses any of the seven ISO/IEC 7816-3 cases (1, 2S, 3S, 4S, 2E, 3E, 4E).</summary>
    /// <exception cref="ApduException">The bytes are not a well-formed command APDU.</exception>
    public static CommandApdu Parse(ReadOnlySpan<byte> raw)
    {
        if (raw.Length < 4)
            throw new ApduException($"Command APDU of {raw.Length} byte(s) is shorter than the 4-byte header");
        byte cla = raw[0], ins = raw[1], p1 = raw[2], p2 = raw[3];
        var body = raw[4..];
        if (body.Length == 0)
            return new CommandApdu(cla, ins, p1, p2);
        if (body.Length == 1)
            return new CommandApdu(cla, ins, p1, p2, ne: body[0] == 0 ? MaxShortNe : body[0]);
        if (body[0] != 0)
        {
            int lc = body[0];
            if (body.Length == 1 + lc)
                return new CommandApdu(cla, ins, p1, p2, body.Slice(1, lc).ToArray());
            if (body.Length == 2 + lc)
                return new CommandApdu(cla, ins, p1, p2, body.Slice(1, lc).ToArray(), body[^1] == 0 ? MaxShortNe : body[^1]);
            throw new ApduException($"Command APDU {Convert.ToHexString(raw[..4])}: Lc {lc} does not match the {body.Length - 1} byte(s) that follow");
        }
        if (body.Length == 3)
        {
            int le = body[1] << 8 | body[2];
            return new CommandApdu(cla, ins, p1, p2, ne: le == 0 ? MaxExtendedNe : le);
        }
        if (body.Length < 3)
            throw new ApduException($"Command APDU {Convert.ToHexString(raw[..4])}: truncated extended length field");
        int nc = body[1] << 8 | body[2];
        if (body.Length == 3 + nc)
            return new CommandApdu(cla, ins, p1, p2, body.Slice(3, nc).ToArray());
        if (body.Length == 5 + nc)
        {
            int le = body[^2] << 8 | body[^1];
            return new CommandApdu(cla, ins, p1, p2, body.Slice(3, nc).ToArray(), le == 0 ? MaxExtendedNe : le);
        }
        throw new ApduException($"Command APDU {Convert.ToHexString(raw[..4])}: extended Lc {nc} does not match the {body.Length - 3} byte(s) that follow");
    }

    public override string ToString() => Convert.ToHexString(ToBytes());
}
