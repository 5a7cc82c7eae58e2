using System.Formats.Asn1;
using System.Text;
using Station.Personalization.Chip;

namespace Station.Personalization.Lds;

/// <summary>
/// EF.COM (Doc 9303 Part 10 Table 35): <c>60</c> { <c>5F01</c> LDS version "aabb", <c>5F36</c> Unicode version
/// "aabbcc", <c>5C</c> the tag of every data group present }.
/// </summary>
public sealed class ComFile
{
    internal static readonly Asn1Tag FileTag = new(TagClass.Application, 0, isConstructed: true);
    private static readonly Asn1Tag MinimalLdsVersionTag = new(TagClass.Application, 1);

    /// <summary>
    /// Part 10 writes the LDS version tag as <c>5F01</c>: application tag 1 in the long form, which BER calls
    /// non-minimal and System.Formats.Asn1 refuses. It is written and read as <c>41</c> and swapped at the edge.
    /// </summary>
    private static ReadOnlySpan<byte> IcaoLdsVersionTag => [0x5F, 0x01];
    private static ReadOnlySpan<byte> MinimalLdsVersionTagByte => [0x41];
    private static readonly Asn1Tag UnicodeVersionTag = new(TagClass.Application, 0x36);
    private static readonly Asn1Tag TagListTag = new(TagClass.Application, 0x1C);

    /// <param name="ldsVersion">Four digits, e.g. <c>0107</c> for LDS 1.7.</param>
    /// <param name="unicodeVersion">Six digits, e.g. <c>040000</c> for Unicode 4.0.0.</param>
    /// <param name="dataGroupTags">The first tag byte of each data group present, e.g. <c>0x61</c>, <c>0x75</c>.</param>
    /// <exception cref="ArgumentException">A version is not all digits of the right length, or a tag is not a data group tag.</exception>
    public ComFile(string ldsVersion, string unicodeVersion, IReadOnlyList<byte> dataGroupTags)
    {
        LdsVersion = Digits(ldsVersion, 4, nameof(ldsVersion));
        UnicodeVersion = Digits(unicodeVersion, 6, nameof(unicodeVersion));
        ArgumentNullException.ThrowIfNull(dataGroupTags);
        var unknown = dataGroupTags.Where(t => LdsTags.DataGroupByTag(t) is null).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"EF.COM tag list holds {string.Join(", ", unknown.Select(t => $"0x{t:X2}"))}, which are not data group tags.", nameof(dataGroupTags));
        }

        DataGroupTags = dataGroupTags.ToArray();
    }

    public string LdsVersion { get; }
    public string UnicodeVersion { get; }
    public IReadOnlyList<byte> DataGroupTags { get; }

    /// <summary>Data group numbers of <see cref="DataGroupTags"/>, in tag-list order.</summary>
    public IReadOnlyList<int> DataGroups => DataGroupTags.Select(t => LdsTags.DataGroupByTag(t)!.DataGroup).ToArray();

    /// <summary>EF.COM for LDS 1.7 and Unicode 4.0.0 listing <paramref name="dataGroups"/> (numbers 1–16).</summary>
    public static ComFile ForDataGroups(IEnumerable<int> dataGroups) =>
        new("0107", "040000", dataGroups.Select(n => LdsTags.DataGroup(n).Tag).ToArray());

    /// <summary>The file as the chip stores it, named as in <see cref="LdsTags"/>.</summary>
    public LdsFile ToLdsFile() => new(LdsTags.Com.Fid, LdsTags.Com.Name, Encode());

    public byte[] Encode()
    {
        var content = new AsnWriter(AsnEncodingRules.DER);
        content.WriteOctetString(Encoding.ASCII.GetBytes(LdsVersion), MinimalLdsVersionTag);
        content.WriteOctetString(Encoding.ASCII.GetBytes(UnicodeVersion), UnicodeVersionTag);
        content.WriteOctetString(DataGroupTags.ToArray(), TagListTag);
        byte[] body = [.. IcaoLdsVersionTag, .. content.Encode().AsSpan(1)];

        // The file's content is no longer BER-valid (see IcaoLdsVersionTag), so AsnWriter cannot nest it:
        // it writes the tag and length as a primitive application 0, and the constructed bit makes that 60.
        var file = new AsnWriter(AsnEncodingRules.DER);
        file.WriteOctetString(body, new Asn1Tag(TagClass.Application, 0));
        var encoded = file.Encode();
        encoded[0] |= 0x20;
        return encoded;
    }

    /// <exception cref="LdsFormatException">The bytes are not an EF.COM.</exception>
    public static ComFile Decode(byte[] encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        try
        {
            var tag = Asn1Tag.Decode(encoded, out _);
            if (tag != FileTag)
            {
                throw new AsnContentException($"the file starts with tag {tag}, not 60");
            }

            AsnDecoder.ReadEncodedValue(encoded, AsnEncodingRules.BER, out var offset, out var length, out var consumed);
            if (consumed != encoded.Length)
            {
                throw new AsnContentException($"{encoded.Length - consumed} bytes follow the file");
            }

            var body = encoded.AsSpan(offset, length);
            byte[] readable = body.StartsWith(IcaoLdsVersionTag)
                ? [.. MinimalLdsVersionTagByte, .. body[IcaoLdsVersionTag.Length..]]
                : body.ToArray();

            var content = new AsnReader(readable, AsnEncodingRules.BER);
            var lds = Encoding.ASCII.GetString(content.ReadOctetString(MinimalLdsVersionTag));
            var unicode = Encoding.ASCII.GetString(content.ReadOctetString(UnicodeVersionTag));
            var tags = content.ReadOctetString(TagListTag);
            content.ThrowIfNotEmpty();
            return new ComFile(lds, unicode, tags);
        }
        catch (Exception ex) when (ex is AsnContentException or ArgumentException)
        {
            throw new LdsFormatException($"EF.COM is not valid: {ex.Message}", ex);
        }
    }

    private static string Digits(string value, int length, string name) =>
        value is not null && value.Length == length && value.All(char.IsAsciiDigit)
            ? value
            : throw new ArgumentException($"EF.COM {name} '{value}' must be {length} digits.", name);
}
