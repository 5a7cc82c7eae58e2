using System.Formats.Asn1;
using System.Globalization;
using Station.Personalization.Applicants;
using Station.Personalization.Chip;
using Station.Personalization.Profiles;

namespace Station.Personalization.Lds;

/// <summary>
/// EF.DG13 in the Vietnamese layout (GUIDE §2): <c>6D</c> { SEQUENCE { INTEGER 1, OID 1.0.10646.1.0.8 (UTF-8),
/// SET { SEQUENCE { INTEGER n, value } … } } } with fields 1–15. Encoding writes the fields in field-number
/// order (not re-sorted as DER would sort a SET, since some readers scan them in order); decoding is tolerant:
/// fields are found by number, field 13 in either nesting, and unknown fields are kept.
/// </summary>
public sealed record Dg13File
{
    /// <summary>ISO/IEC 10646 UTF-8 (the character set the national fields use).</summary>
    public const string Utf8Oid = "1.0.10646.1.0.8";

    private static readonly Asn1Tag FileTag = new(TagClass.Application, 13, isConstructed: true);

    public string? IdNumber { get; init; }
    public string? FullName { get; init; }
    /// <summary>As written on the chip: <c>dd/MM/yyyy</c>.</summary>
    public string? DateOfBirth { get; init; }
    /// <summary><c>Nam</c> or <c>Nữ</c>.</summary>
    public string? Sex { get; init; }
    public string? Nationality { get; init; }
    public string? Ethnicity { get; init; }
    public string? Religion { get; init; }
    public string? PlaceOfOrigin { get; init; }
    public string? PlaceOfResidence { get; init; }
    public string? IdentifyingMarks { get; init; }
    /// <summary>As written on the chip: <c>dd/MM/yyyy</c>.</summary>
    public string? DateOfIssue { get; init; }
    /// <summary><c>dd/MM/yyyy</c>, or the profile's no-expiry text (<c>Không thời hạn</c>).</summary>
    public string? DateOfExpiry { get; init; }
    public string? FatherName { get; init; }
    public string? MotherName { get; init; }
    /// <summary>Null when there is no spouse (field 14 is then written with empty content).</summary>
    public string? SpouseName { get; init; }
    /// <summary>Null when there is none (field 15 is then absent).</summary>
    public string? OldIdNumber { get; init; }
    public IReadOnlyList<Dg13UnknownField> UnknownFields { get; init; } = [];

    /// <summary>The DG13 of <paramref name="applicant"/> in <paramref name="profile"/>'s words and date format.</summary>
    /// <exception cref="InvalidOperationException">The profile has no DG13 layout.</exception>
    public static Dg13File FromApplicant(Applicant applicant, CountryProfile profile)
    {
        ArgumentNullException.ThrowIfNull(applicant);
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.Dg13Layout != Dg13LayoutKind.Vnm)
        {
            throw new InvalidOperationException($"Profile '{profile.Id}' has no DG13.");
        }

        var texts = profile.Texts;
        string Date(DateOnly date) => date.ToString(texts.DateFormat, CultureInfo.InvariantCulture);
        return new Dg13File
        {
            IdNumber = applicant.IdNumber,
            FullName = applicant.FullName,
            DateOfBirth = Date(applicant.DateOfBirth),
            Sex = texts.Sex(applicant.Sex),
            Nationality = texts.Nationality ?? applicant.Nationality,
            Ethnicity = applicant.Ethnicity,
            Religion = applicant.Religion,
            PlaceOfOrigin = applicant.PlaceOfOrigin,
            PlaceOfResidence = applicant.PlaceOfResidence,
            IdentifyingMarks = applicant.IdentifyingMarks,
            DateOfIssue = Date(applicant.DateOfIssue),
            DateOfExpiry = applicant.DateOfExpiry is DateOnly expiry ? Date(expiry) : texts.NoExpiry,
            FatherName = applicant.FatherName,
            MotherName = applicant.MotherName,
            SpouseName = applicant.SpouseName,
            OldIdNumber = string.IsNullOrEmpty(applicant.OldIdNumber) ? null : applicant.OldIdNumber,
        };
    }

    /// <summary>The file as the chip stores it, named as in <see cref="LdsTags"/>.</summary>
    public LdsFile ToLdsFile() => new(LdsTags.DataGroup(13).Fid, LdsTags.DataGroup(13).Name, Encode());

    public byte[] Encode()
    {
        var fields = new List<Dg13UnknownField>
        {
            Field(1, w => w.WriteCharacterString(UniversalTagNumber.PrintableString, IdNumber ?? string.Empty)),
            Field(2, w => Utf8(w, FullName)),
            Field(3, w => w.WriteCharacterString(UniversalTagNumber.PrintableString, DateOfBirth ?? string.Empty)),
            Field(4, w => Utf8(w, Sex)),
            Field(5, w => Utf8(w, Nationality)),
            Field(6, w => Utf8(w, Ethnicity)),
            Field(7, w => Utf8(w, Religion)),
            Field(8, w => Utf8(w, PlaceOfOrigin)),
            Field(9, w => Utf8(w, PlaceOfResidence)),
            Field(10, w => Utf8(w, IdentifyingMarks)),
            Field(11, w => w.WriteCharacterString(UniversalTagNumber.PrintableString, DateOfIssue ?? string.Empty)),
            Field(12, w => Utf8(w, DateOfExpiry)),
            Field(13, w =>
            {
                using (w.PushSequence())
                {
                    Utf8(w, FatherName);
                }

                using (w.PushSequence())
                {
                    Utf8(w, MotherName);
                }
            }),
            Field(14, w =>
            {
                using (w.PushSequence())
                {
                    if (SpouseName is not null)
                    {
                        Utf8(w, SpouseName);
                    }
                }
            }),
        };
        if (OldIdNumber is not null)
        {
            fields.Add(Field(15, w => w.WriteCharacterString(UniversalTagNumber.PrintableString, OldIdNumber)));
        }

        fields.AddRange(UnknownFields);

        // BER rules: the SET keeps the field-number order written here; DER would re-sort it by encoding.
        // Every value written is otherwise identical under BER and DER (definite, minimal lengths).
        var writer = new AsnWriter(AsnEncodingRules.BER);
        using (writer.PushSequence(FileTag))
        using (writer.PushSequence())
        {
            writer.WriteInteger(1);
            writer.WriteObjectIdentifier(Utf8Oid);
            using (writer.PushSetOf())
            {
                foreach (var field in fields.OrderBy(f => f.Number))
                {
                    writer.WriteEncodedValue(field.Encoded);
                }
            }
        }

        return writer.Encode();
    }

    /// <exception cref="LdsFormatException">The bytes are not a DG13 of this layout; the message says where.</exception>
    public static Dg13File Decode(byte[] encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        try
        {
            var outer = new AsnReader(encoded, AsnEncodingRules.BER);
            var file = outer.ReadSequence(FileTag);
            outer.ThrowIfNotEmpty();
            var body = file.ReadSequence();
            body.ReadInteger();
            body.ReadObjectIdentifier();
            var set = body.ReadSetOf(skipSortOrderValidation: true);
            var result = new Dg13File();
            var unknown = new List<Dg13UnknownField>();
            while (set.HasData)
            {
                var raw = set.ReadEncodedValue().ToArray();
                var field = new AsnReader(raw, AsnEncodingRules.BER).ReadSequence();
                if (!field.TryReadInt32(out var number))
                {
                    throw new LdsFormatException("DG13 has a field whose number is not a small INTEGER.");
                }

                // One string per value: a SEQUENCE stands for its first string, an empty one for no name.
                var strings = number == 13 ? Values(field) : Strings(field).Select(NullIfEmpty).ToList();
                result = number switch
                {
                    1 => result with { IdNumber = strings.FirstOrDefault() },
                    2 => result with { FullName = strings.FirstOrDefault() },
                    3 => result with { DateOfBirth = strings.FirstOrDefault() },
                    4 => result with { Sex = strings.FirstOrDefault() },
                    5 => result with { Nationality = strings.FirstOrDefault() },
                    6 => result with { Ethnicity = strings.FirstOrDefault() },
                    7 => result with { Religion = strings.FirstOrDefault() },
                    8 => result with { PlaceOfOrigin = strings.FirstOrDefault() },
                    9 => result with { PlaceOfResidence = strings.FirstOrDefault() },
                    10 => result with { IdentifyingMarks = strings.FirstOrDefault() },
                    11 => result with { DateOfIssue = strings.FirstOrDefault() },
                    12 => result with { DateOfExpiry = strings.FirstOrDefault() },
                    13 => result with { FatherName = strings.ElementAtOrDefault(0), MotherName = strings.ElementAtOrDefault(1) },
                    14 => result with { SpouseName = strings.FirstOrDefault() },
                    15 => result with { OldIdNumber = strings.FirstOrDefault() },
                    _ => result,
                };
                if (number is < 1 or > 15)
                {
                    unknown.Add(new Dg13UnknownField(number, raw));
                }
            }

            file.ThrowIfNotEmpty();
            return result with { UnknownFields = unknown };
        }
        catch (AsnContentException ex)
        {
            throw new LdsFormatException($"DG13 is not valid: {ex.Message}", ex);
        }
    }

    private static Dg13UnknownField Field(int number, Action<AsnWriter> writeValue)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(number);
            writeValue(writer);
        }

        return new Dg13UnknownField(number, writer.Encode());
    }

    private static void Utf8(AsnWriter writer, string? value) =>
        writer.WriteCharacterString(UniversalTagNumber.UTF8String, value ?? string.Empty);

    /// <summary>
    /// Field 13 holds the father's and the mother's name each in a SEQUENCE of its own: one value per SEQUENCE (its
    /// first string, none for an empty one), so an empty father keeps the mother's name in second place. Readers in
    /// the wild also meet both names in one SEQUENCE: a lone SEQUENCE gives all its strings.
    /// </summary>
    private static List<string?> Values(AsnReader reader)
    {
        var elements = new List<List<string>>();
        while (reader.HasData)
        {
            var tag = reader.PeekTag();
            if (tag.IsConstructed && tag.TagClass == TagClass.Universal && tag.TagValue is (int)UniversalTagNumber.Sequence or (int)UniversalTagNumber.Set)
            {
                elements.Add(Strings(tag.TagValue == (int)UniversalTagNumber.Sequence ? reader.ReadSequence() : reader.ReadSetOf(skipSortOrderValidation: true)));
            }
            else if (tag.TagClass == TagClass.Universal && IsCharacterString(tag.TagValue))
            {
                elements.Add([reader.ReadCharacterString((UniversalTagNumber)tag.TagValue)]);
            }
            else
            {
                reader.ReadEncodedValue();
            }
        }

        IEnumerable<string?> values = elements.Count == 1 ? elements[0] : elements.Select(e => e.FirstOrDefault());
        return [.. values.Select(NullIfEmpty)];
    }

    /// <summary>Encode writes an absent name as an empty string: decoding gives it back as absent.</summary>
    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    /// <summary>Every character string in the rest of a field, depth first: tolerates any nesting of fields 13 and 14.</summary>
    private static List<string> Strings(AsnReader reader)
    {
        var found = new List<string>();
        while (reader.HasData)
        {
            var tag = reader.PeekTag();
            if (tag.IsConstructed && tag.TagClass == TagClass.Universal && tag.TagValue is (int)UniversalTagNumber.Sequence or (int)UniversalTagNumber.Set)
            {
                found.AddRange(Strings(tag.TagValue == (int)UniversalTagNumber.Sequence ? reader.ReadSequence() : reader.ReadSetOf(skipSortOrderValidation: true)));
            }
            else if (tag.TagClass == TagClass.Universal && IsCharacterString(tag.TagValue))
            {
                found.Add(reader.ReadCharacterString((UniversalTagNumber)tag.TagValue));
            }
            else
            {
                reader.ReadEncodedValue();
            }
        }

        return found;
    }

    private static bool IsCharacterString(int tagNumber) => (UniversalTagNumber)tagNumber is
        UniversalTagNumber.UTF8String or UniversalTagNumber.PrintableString or UniversalTagNumber.IA5String
        or UniversalTagNumber.T61String or UniversalTagNumber.BMPString or UniversalTagNumber.VisibleString;
}
