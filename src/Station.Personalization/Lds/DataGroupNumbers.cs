using System.Formats.Asn1;

namespace Station.Personalization.Lds;

/// <summary>
/// The ASN.1 tags of the LDS files and CBEFF elements this folder's codecs use (Doc 9303 Part 10 Table 38, Tables 44/47).
/// Kept private to these codecs; the shared tag table for other files lives elsewhere.
/// </summary>
internal static class DataGroupNumbers
{
    public const int Dg1 = 1, Dg2 = 2, Dg3 = 3, Dg14 = 14, Dg15 = 15;

    /// <summary>DG2 <c>75</c>.</summary>
    public static readonly Asn1Tag Dg2Tag = new(TagClass.Application, 21, isConstructed: true);
    /// <summary>DG3 <c>63</c>.</summary>
    public static readonly Asn1Tag Dg3Tag = new(TagClass.Application, 3, isConstructed: true);
    /// <summary>DG14 <c>6E</c>.</summary>
    public static readonly Asn1Tag Dg14Tag = new(TagClass.Application, 14, isConstructed: true);
    /// <summary>DG15 <c>6F</c>.</summary>
    public static readonly Asn1Tag Dg15Tag = new(TagClass.Application, 15, isConstructed: true);
    /// <summary>EF.SOD <c>77</c>.</summary>
    public static readonly Asn1Tag SodTag = new(TagClass.Application, 23, isConstructed: true);

    /// <summary>Biometric Information Group Template <c>7F61</c>.</summary>
    public static readonly Asn1Tag BiometricInformationGroup = new(TagClass.Application, 0x61, isConstructed: true);
    /// <summary>Biometric Information Template <c>7F60</c>.</summary>
    public static readonly Asn1Tag BiometricInformationTemplate = new(TagClass.Application, 0x60, isConstructed: true);
    /// <summary>Biometric Header Template <c>A1</c>.</summary>
    public static readonly Asn1Tag BiometricHeaderTemplate = new(TagClass.ContextSpecific, 1, isConstructed: true);
    /// <summary>Biometric data block <c>5F2E</c> (ISO/IEC 19794).</summary>
    public static readonly Asn1Tag BiometricDataBlock = new(TagClass.Application, 0x2E);

    /// <summary>Reads one element with <paramref name="tag"/> that must be the whole of <paramref name="file"/>; returns its content.</summary>
    public static ReadOnlyMemory<byte> ReadWrapper(ReadOnlyMemory<byte> file, Asn1Tag tag, string fileName)
    {
        try
        {
            var actual = Asn1Tag.Decode(file.Span, out _);
            if (!actual.HasSameClassAndValue(tag))
                throw new FormatException($"{fileName}: expected tag {Describe(tag)} but found {Describe(actual)}.");
            AsnDecoder.ReadEncodedValue(file.Span, AsnEncodingRules.BER, out int contentOffset, out int contentLength, out int consumed);
            if (consumed != file.Length)
                throw new FormatException($"{fileName}: {file.Length - consumed} bytes after the end of the {Describe(tag)} element.");
            return file.Slice(contentOffset, contentLength);
        }
        catch (AsnContentException e)
        {
            throw new FormatException($"{fileName}: not valid BER: {e.Message}", e);
        }
    }

    public static string Describe(Asn1Tag tag)
    {
        Span<byte> buffer = stackalloc byte[8];
        int n = tag.Encode(buffer);
        return Convert.ToHexString(buffer[..n]);
    }
}
