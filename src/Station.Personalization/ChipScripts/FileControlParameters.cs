using System.Formats.Asn1;

namespace Station.Personalization.ChipScripts;

/// <summary>ISO/IEC 7816-4 §7.4 FCP templates (tag 62) for CREATE FILE, written with <see cref="AsnWriter"/>.</summary>
public static class FileControlParameters
{
    private static readonly Asn1Tag FcpTemplate = new(TagClass.Application, 2, isConstructed: true);
    private static readonly Asn1Tag DataSize = new(TagClass.ContextSpecific, 0);
    private static readonly Asn1Tag FileDescriptor = new(TagClass.ContextSpecific, 2);
    private static readonly Asn1Tag FileIdentifier = new(TagClass.ContextSpecific, 3);
    private static readonly Asn1Tag DfName = new(TagClass.ContextSpecific, 4);
    private static readonly Asn1Tag ShortFileIdentifier = new(TagClass.ContextSpecific, 8);

    /// <summary>File descriptor byte: working EF, transparent structure.</summary>
    public const byte TransparentEf = 0x01;
    /// <summary>File descriptor byte: DF.</summary>
    public const byte DedicatedFile = 0x38;

    /// <summary>A transparent EF of <paramref name="size"/> bytes; the SFI is taken from the FID's low byte when it is 1..30 (Doc 9303 Part 10 Table 38).</summary>
    public static byte[] TransparentFile(ushort fid, int size)
    {
        if (size is < 0 or > 0xFFFF)
            throw new ArgumentOutOfRangeException(nameof(size), $"EF {fid:X4}: size {size} does not fit the 2-byte FCP size");
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence(FcpTemplate))
        {
            writer.WriteOctetString([(byte)(size >> 8), (byte)size], DataSize);
            writer.WriteOctetString([TransparentEf], FileDescriptor);
            writer.WriteOctetString([(byte)(fid >> 8), (byte)fid], FileIdentifier);
            int sfi = fid & 0xFF;
            if (sfi is >= 1 and <= 30)
                writer.WriteOctetString([(byte)(sfi << 3)], ShortFileIdentifier);
        }
        return writer.Encode();
    }

    /// <summary>An application DF with its FID and AID (DF name).</summary>
    public static byte[] Application(ushort fid, ReadOnlySpan<byte> aid)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence(FcpTemplate))
        {
            writer.WriteOctetString([DedicatedFile], FileDescriptor);
            writer.WriteOctetString([(byte)(fid >> 8), (byte)fid], FileIdentifier);
            writer.WriteOctetString(aid, DfName);
        }
        return writer.Encode();
    }
}
