namespace Station.Devices.SmartCards.Pcsc;

/// <summary>
/// The parts of an ATR (ISO/IEC 7816-3 §8) the station needs: the historical bytes and, from their card
/// capabilities (ISO/IEC 7816-4 §8.1.1.2.7, compact-TLV tag 7), whether the card takes extended Lc/Le.
/// </summary>
public sealed record AnswerToReset(byte[] Bytes, byte[] HistoricalBytes, bool ExtendedLength)
{
    /// <summary>Compact-TLV category indicator: status in the last 3 bytes or TLV objects follow.</summary>
    private const byte CompactTlvCategory = 0x80;
    private const int CardCapabilitiesTag = 0x7;
    /// <summary>Third software function table, bit 7: "extended Lc and Le fields".</summary>
    private const byte ExtendedLcLe = 0x40;

    /// <exception cref="FormatException">Shorter than TS T0 or shorter than its interface bytes say.</exception>
    public static AnswerToReset Parse(byte[] atr)
    {
        ArgumentNullException.ThrowIfNull(atr);
        if (atr.Length < 2)
            throw new FormatException($"ATR of {atr.Length} byte(s) is too short (needs TS and T0)");
        int historicalCount = atr[1] & 0x0F;
        int index = 1;
        byte y = (byte)(atr[1] >> 4);
        while (true)
        {
            int next = index + 1;
            int present = (y & 1) + (y >> 1 & 1) + (y >> 2 & 1);
            bool hasTd = (y & 0x8) != 0;
            index = next + present; // now at TDi (if present)
            if (!hasTd)
                break;
            if (index >= atr.Length)
                throw new FormatException($"ATR {Convert.ToHexString(atr)} ends inside its interface bytes");
            y = (byte)(atr[index] >> 4);
        }
        int start = index;
        if (start + historicalCount > atr.Length)
            throw new FormatException($"ATR {Convert.ToHexString(atr)} announces {historicalCount} historical bytes but has fewer");
        byte[] historical = atr.AsSpan(start, historicalCount).ToArray();
        return new AnswerToReset(atr, historical, AnnouncesExtendedLength(historical));
    }

    private static bool AnnouncesExtendedLength(byte[] historical)
    {
        if (historical.Length == 0 || historical[0] != CompactTlvCategory)
            return false;
        for (int i = 1; i < historical.Length;)
        {
            int tag = historical[i] >> 4, length = historical[i] & 0x0F;
            if (tag == CardCapabilitiesTag && length >= 3 && i + 3 < historical.Length)
                return (historical[i + 3] & ExtendedLcLe) != 0;
            i += 1 + length;
        }
        return false;
    }
}
