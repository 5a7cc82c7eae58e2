using System.Formats.Asn1;
using System.Text;
using Station.Personalization.Chip;
using Station.Personalization.Mrz;

namespace Station.Personalization.Lds;

/// <summary>EF.DG1 (Doc 9303 Part 10 §4.7.1): <c>61</c> { <c>5F1F</c> the MRZ lines concatenated, ASCII }.</summary>
public sealed class Dg1File
{
    private static readonly Asn1Tag FileTag = new(TagClass.Application, 1, isConstructed: true);
    private static readonly Asn1Tag MrzTag = new(TagClass.Application, 0x1F);

    /// <param name="mrz">The MRZ lines concatenated (TD1 90, TD2 72 or TD3 88 characters).</param>
    /// <exception cref="ArgumentException">The text is not an MRZ of one of those sizes.</exception>
    public Dg1File(string mrz)
    {
        ArgumentNullException.ThrowIfNull(mrz);
        if (mrz.Length is not (90 or 72 or 88) || !mrz.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '<'))
        {
            throw new ArgumentException($"DG1 needs an MRZ of 90, 72 or 88 characters A-Z, 0-9 and <; got {mrz.Length} characters.", nameof(mrz));
        }

        Mrz = mrz;
    }

    public Dg1File(Td1Mrz mrz)
        : this((mrz ?? throw new ArgumentNullException(nameof(mrz))).Text)
    {
    }

    /// <summary>The MRZ lines concatenated, as stored.</summary>
    public string Mrz { get; }

    /// <summary>The MRZ's data elements (TD1 and TD3).</summary>
    /// <exception cref="MrzFormatException">The MRZ is TD2, which the parser does not read.</exception>
    public ParsedMrz Parse() => MrzParser.Parse(Mrz);

    /// <summary>The file as the chip stores it, named as in <see cref="LdsTags"/>.</summary>
    public LdsFile ToLdsFile() => new(LdsTags.DataGroup(1).Fid, LdsTags.DataGroup(1).Name, Encode());

    public byte[] Encode()
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence(FileTag))
        {
            writer.WriteOctetString(Encoding.ASCII.GetBytes(Mrz), MrzTag);
        }

        return writer.Encode();
    }

    /// <exception cref="LdsFormatException">The bytes are not a DG1.</exception>
    public static Dg1File Decode(byte[] encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        try
        {
            var outer = new AsnReader(encoded, AsnEncodingRules.BER);
            var content = outer.ReadSequence(FileTag);
            outer.ThrowIfNotEmpty();
            var mrz = Encoding.ASCII.GetString(content.ReadOctetString(MrzTag));
            content.ThrowIfNotEmpty();
            return new Dg1File(mrz);
        }
        catch (Exception ex) when (ex is AsnContentException or ArgumentException)
        {
            throw new LdsFormatException($"DG1 is not valid: {ex.Message}", ex);
        }
    }
}
