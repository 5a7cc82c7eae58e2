using System.Formats.Asn1;

namespace Station.Personalization.Signing;

/// <summary>Converts ECDSA signatures between raw <c>r||s</c> (PKCS#11, IEEE P1363) and DER <c>SEQUENCE { r, s }</c> (CMS).</summary>
internal static class EcdsaSignatureEncoding
{
    public static byte[] RawToDer(ReadOnlySpan<byte> raw)
    {
        if (raw.Length == 0 || raw.Length % 2 != 0)
            throw new FormatException($"A raw ECDSA signature has two equal halves; got {raw.Length} bytes.");
        int half = raw.Length / 2;
        var writer = new AsnWriter(AsnEncodingRules.DER);
        writer.PushSequence();
        writer.WriteIntegerUnsigned(Minimal(raw[..half]));
        writer.WriteIntegerUnsigned(Minimal(raw[half..]));
        writer.PopSequence();
        return writer.Encode();
    }

    /// <summary>r and s are fixed-width in raw form; DER wants them without leading zero bytes.</summary>
    private static ReadOnlySpan<byte> Minimal(ReadOnlySpan<byte> value)
    {
        int first = value.IndexOfAnyExcept((byte)0);
        return first < 0 ? value[^1..] : value[first..];
    }

    public static byte[] DerToRaw(ReadOnlySpan<byte> der, int fieldSizeBytes)
    {
        var reader = new AsnReader(der.ToArray(), AsnEncodingRules.DER);
        var sequence = reader.ReadSequence();
        var r = sequence.ReadIntegerBytes().Span;
        var s = sequence.ReadIntegerBytes().Span;
        sequence.ThrowIfNotEmpty();
        reader.ThrowIfNotEmpty();
        var raw = new byte[2 * fieldSizeBytes];
        CopyUnsigned(r, raw.AsSpan(0, fieldSizeBytes));
        CopyUnsigned(s, raw.AsSpan(fieldSizeBytes));
        return raw;
    }

    private static void CopyUnsigned(ReadOnlySpan<byte> integer, Span<byte> destination)
    {
        if (integer.Length > 1 && integer[0] == 0) integer = integer[1..];
        if (integer.Length > destination.Length)
            throw new FormatException("ECDSA signature component is longer than the curve's field.");
        integer.CopyTo(destination[(destination.Length - integer.Length)..]);
    }
}
