using System.Formats.Asn1;

namespace Station.Personalization.SecureMessaging;

/// <summary>The secure-messaging data objects of ISO/IEC 7816-4 §10 as used by Doc 9303, read and written with <see cref="AsnWriter"/>.</summary>
internal static class SecureMessagingDataObjects
{
    /// <summary>85: cryptogram, odd INS (no padding-content indicator).</summary>
    public static readonly Asn1Tag OddCryptogram = new(TagClass.ContextSpecific, 0x05);
    /// <summary>87: padding-content indicator followed by the cryptogram.</summary>
    public static readonly Asn1Tag Cryptogram = new(TagClass.ContextSpecific, 0x07);
    /// <summary>8E: cryptographic checksum (MAC).</summary>
    public static readonly Asn1Tag Checksum = new(TagClass.ContextSpecific, 0x0E);
    /// <summary>97: protected Le.</summary>
    public static readonly Asn1Tag ExpectedLength = new(TagClass.ContextSpecific, 0x17);
    /// <summary>99: protected status word.</summary>
    public static readonly Asn1Tag ProcessingStatus = new(TagClass.ContextSpecific, 0x19);

    /// <summary>Padding-content indicator 01: "padded per ISO/IEC 9797-1 method 2".</summary>
    public const byte PaddingIndicator = 0x01;

    public static byte[] Encode(Asn1Tag tag, ReadOnlySpan<byte> value)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        writer.WriteOctetString(value, tag);
        return writer.Encode();
    }

    /// <summary>Reads a sequence of primitive data objects, keyed by tag.</summary>
    /// <exception cref="SecureMessagingException">Malformed TLV or a tag that does not belong in secure messaging.</exception>
    public static Dictionary<Asn1Tag, byte[]> Decode(ReadOnlyMemory<byte> data)
    {
        var objects = new Dictionary<Asn1Tag, byte[]>();
        try
        {
            var reader = new AsnReader(data, AsnEncodingRules.BER);
            while (reader.HasData)
            {
                var tag = reader.PeekTag();
                if (tag != OddCryptogram && tag != Cryptogram && tag != Checksum && tag != ExpectedLength && tag != ProcessingStatus)
                    throw new SecureMessagingException(Apdu.StatusWord.SecureMessagingDataObjectsIncorrect, $"Unexpected secure messaging data object {tag}");
                objects[tag] = reader.ReadOctetString(tag);
            }
        }
        catch (AsnContentException e)
        {
            throw new SecureMessagingException(Apdu.StatusWord.SecureMessagingDataObjectsIncorrect, $"Malformed secure messaging data objects: {e.Message}");
        }
        return objects;
    }
}
