using System.Formats.Asn1;

namespace Station.Personalization.Lds;

/// <summary>
/// CBEFF Biometric Header Template (<c>A1</c>, Doc 9303 Part 10 Table 47). Optional elements are null when absent;
/// the creation date, validity period and creator PID are kept as raw bytes so a decoded header re-encodes unchanged.
/// </summary>
public sealed record BiometricHeaderTemplate
{
    /// <summary>ICAO header version (<c>80</c>), e.g. <c>0x0101</c>; null when absent.</summary>
    public ushort? IcaoHeaderVersion { get; init; }
    /// <summary>Biometric type (<c>81</c>): 0x02 face, 0x08 fingerprint, 0x10 iris.</summary>
    public byte? BiometricType { get; init; }
    /// <summary>Biometric subtype (<c>82</c>, Part 10 Table 49); required in DG3.</summary>
    public byte? BiometricSubtype { get; init; }
    /// <summary>Creation date (<c>83</c>), 7 bytes CCYYMMDDhhmmss BCD.</summary>
    public byte[]? CreationDate { get; init; }
    /// <summary>Validity period (<c>85</c>), 8 bytes.</summary>
    public byte[]? ValidityPeriod { get; init; }
    /// <summary>Creator PID (<c>86</c>).</summary>
    public byte[]? CreatorPid { get; init; }
    /// <summary>Format owner (<c>87</c>, required): 0x0101 = ISO/IEC JTC1 SC37.</summary>
    public required ushort FormatOwner { get; init; }
    /// <summary>Format type (<c>88</c>, required): 0x0008 face (19794-5), 0x0007 finger (19794-4).</summary>
    public required ushort FormatType { get; init; }

    public const byte TypeFace = 0x02, TypeFingerprint = 0x08;
    public const ushort OwnerSc37 = 0x0101, FormatFace = 0x0008, FormatFinger = 0x0007;

    internal void WriteTo(AsnWriter writer)
    {
        writer.PushSequence(DataGroupNumbers.BiometricHeaderTemplate);
        if (IcaoHeaderVersion is { } version) WriteUInt16(writer, 0, version);
        if (BiometricType is { } type) writer.WriteOctetString([type], Context(1));
        if (BiometricSubtype is { } subtype) writer.WriteOctetString([subtype], Context(2));
        if (CreationDate is not null) writer.WriteOctetString(CreationDate, Context(3));
        if (ValidityPeriod is not null) writer.WriteOctetString(ValidityPeriod, Context(5));
        if (CreatorPid is not null) writer.WriteOctetString(CreatorPid, Context(6));
        WriteUInt16(writer, 7, FormatOwner);
        WriteUInt16(writer, 8, FormatType);
        writer.PopSequence(DataGroupNumbers.BiometricHeaderTemplate);
    }

    internal static BiometricHeaderTemplate ReadFrom(AsnReader parent)
    {
        var reader = parent.ReadSequence(DataGroupNumbers.BiometricHeaderTemplate);
        ushort? version = null, owner = null, format = null;
        byte? type = null, subtype = null;
        byte[]? created = null, validity = null, creator = null;
        while (reader.HasData)
        {
            var tag = reader.PeekTag();
            byte[] value = reader.ReadOctetString(tag);
            if (tag.TagClass != TagClass.ContextSpecific) continue; // unknown elements are ignored, as readers must
            switch (tag.TagValue)
            {
                case 0: version = ToUInt16(value, "ICAO header version (80)"); break;
                case 1: type = ToByte(value, "biometric type (81)"); break;
                case 2: subtype = ToByte(value, "biometric subtype (82)"); break;
                case 3: created = value; break;
                case 5: validity = value; break;
                case 6: creator = value; break;
                case 7: owner = ToUInt16(value, "format owner (87)"); break;
                case 8: format = ToUInt16(value, "format type (88)"); break;
            }
        }
        return new BiometricHeaderTemplate
        {
            IcaoHeaderVersion = version,
            BiometricType = type,
            BiometricSubtype = subtype,
            CreationDate = created,
            ValidityPeriod = validity,
            CreatorPid = creator,
            FormatOwner = owner ?? throw new FormatException("Biometric header template: format owner (87) is missing."),
            FormatType = format ?? throw new FormatException("Biometric header template: format type (88) is missing."),
        };
    }

    private static Asn1Tag Context(int number) => new(TagClass.ContextSpecific, number);

    private static void WriteUInt16(AsnWriter writer, int tagNumber, ushort value) =>
        writer.WriteOctetString([(byte)(value >> 8), (byte)value], Context(tagNumber));

    private static ushort ToUInt16(byte[] value, string field) => value.Length == 2
        ? (ushort)(value[0] << 8 | value[1])
        : throw new FormatException($"Biometric header template: {field} must be 2 bytes, found {value.Length}.");

    private static byte ToByte(byte[] value, string field) => value.Length == 1
        ? value[0]
        : throw new FormatException($"Biometric header template: {field} must be 1 byte, found {value.Length}.");
}
