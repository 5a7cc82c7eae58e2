using System.Formats.Asn1;
using System.Security.Cryptography;
using Station.Personalization.Signing;

namespace Station.Personalization.Lds;

/// <summary>
/// The LDSSecurityObject signed inside EF.SOD (Doc 9303 Part 10 §4.6.2): the hash algorithm and the hash of
/// every data group file (tag and length included), with the optional LDS/Unicode versions of version 1.
/// </summary>
public sealed record LdsSecurityObject
{
    /// <summary>id-icao-mrtd-security-ldsSecurityObject.</summary>
    public const string ContentType = "2.23.136.1.1.1";

    public required HashAlgorithmName HashAlgorithm { get; init; }
    /// <summary>Hash of each data group by number (1–16).</summary>
    public required IReadOnlyDictionary<int, byte[]> DataGroupHashes { get; init; }
    /// <summary>LDS version, e.g. <c>0108</c>; when set (with <see cref="UnicodeVersion"/>) the object is version 1.</summary>
    public string? LdsVersion { get; init; }
    public string? UnicodeVersion { get; init; }
    /// <summary>Whether the digest AlgorithmIdentifier carried NULL parameters (Part 10 says omit them; readers accept both).</summary>
    public bool DigestParametersNull { get; init; }

    public int Version => LdsVersion is null ? 0 : 1;

    /// <summary>Hashes each complete DG file with <paramref name="hashAlgorithm"/>.</summary>
    public static LdsSecurityObject Create(HashAlgorithmName hashAlgorithm, IReadOnlyDictionary<int, byte[]> dataGroupFiles)
    {
        ArgumentNullException.ThrowIfNull(dataGroupFiles);
        if (dataGroupFiles.Count < 2)
            throw new ArgumentException($"An SOD covers at least 2 data groups; {dataGroupFiles.Count} given.", nameof(dataGroupFiles));
        foreach (int number in dataGroupFiles.Keys)
            if (number is < 1 or > 16)
                throw new ArgumentException($"Data group number {number} is outside 1–16.", nameof(dataGroupFiles));
        return new LdsSecurityObject
        {
            HashAlgorithm = hashAlgorithm,
            DataGroupHashes = dataGroupFiles.ToDictionary(p => p.Key, p => HashAlgorithms.Hash(hashAlgorithm, p.Value)),
        };
    }

    public byte[] Encode()
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        writer.PushSequence();
        writer.WriteInteger(Version);
        writer.PushSequence();
        writer.WriteObjectIdentifier(HashAlgorithms.OidOf(HashAlgorithm));
        if (DigestParametersNull) writer.WriteNull();
        writer.PopSequence();
        writer.PushSequence();
        foreach (var (number, hash) in DataGroupHashes.OrderBy(p => p.Key))
        {
            writer.PushSequence();
            writer.WriteInteger(number);
            writer.WriteOctetString(hash);
            writer.PopSequence();
        }
        writer.PopSequence();
        if (LdsVersion is not null)
        {
            writer.PushSequence();
            writer.WriteCharacterString(UniversalTagNumber.PrintableString, LdsVersion);
            writer.WriteCharacterString(UniversalTagNumber.PrintableString, UnicodeVersion ?? throw new InvalidOperationException("LDSSecurityObject v1 needs a Unicode version."));
            writer.PopSequence();
        }
        writer.PopSequence();
        return writer.Encode();
    }

    public static LdsSecurityObject Decode(ReadOnlyMemory<byte> encoded)
    {
        try
        {
            var outer = new AsnReader(encoded, AsnEncodingRules.BER);
            var sequence = outer.ReadSequence();
            outer.ThrowIfNotEmpty();
            int version = PaceReadInt(sequence, "version");
            var algorithm = sequence.ReadSequence();
            var hashAlgorithm = HashAlgorithms.FromOid(algorithm.ReadObjectIdentifier());
            bool nullParameters = false;
            if (algorithm.HasData)
            {
                algorithm.ReadNull();
                nullParameters = true;
            }
            var hashes = new Dictionary<int, byte[]>();
            var list = sequence.ReadSequence();
            while (list.HasData)
            {
                var entry = list.ReadSequence();
                int number = PaceReadInt(entry, "dataGroupNumber");
                if (number is < 1 or > 16 || !hashes.TryAdd(number, entry.ReadOctetString()))
                    throw new FormatException($"LDSSecurityObject: data group number {number} is out of range or repeated.");
            }
            string? lds = null, unicode = null;
            if (sequence.HasData)
            {
                var info = sequence.ReadSequence();
                lds = info.ReadCharacterString(UniversalTagNumber.PrintableString);
                unicode = info.ReadCharacterString(UniversalTagNumber.PrintableString);
            }
            if ((version == 1) != (lds is not null))
                throw new FormatException($"LDSSecurityObject: version {version} does not agree with ldsVersionInfo being {(lds is null ? "absent" : "present")}.");
            return new LdsSecurityObject
            {
                HashAlgorithm = hashAlgorithm, DataGroupHashes = hashes, LdsVersion = lds, UnicodeVersion = unicode,
                DigestParametersNull = nullParameters,
            };
        }
        catch (AsnContentException e)
        {
            throw new FormatException($"LDSSecurityObject: not valid BER: {e.Message}", e);
        }
    }

    private static int PaceReadInt(AsnReader reader, string field) =>
        reader.TryReadInt32(out int value) ? value : throw new FormatException($"LDSSecurityObject: {field} is not a small INTEGER.");
}
