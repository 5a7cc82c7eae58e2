using System.Security.Cryptography;

namespace Station.Personalization.Signing;

/// <summary>The digest algorithms Doc 9303 Part 10 allows in an SOD, with their OIDs.</summary>
internal static class HashAlgorithms
{
    private static readonly (HashAlgorithmName Name, string Oid)[] Known =
    [
        (HashAlgorithmName.SHA1, "1.3.14.3.2.26"),
        (new HashAlgorithmName("SHA224"), "2.16.840.1.101.3.4.2.4"),
        (HashAlgorithmName.SHA256, "2.16.840.1.101.3.4.2.1"),
        (HashAlgorithmName.SHA384, "2.16.840.1.101.3.4.2.2"),
        (HashAlgorithmName.SHA512, "2.16.840.1.101.3.4.2.3"),
    ];

    public static string OidOf(HashAlgorithmName name) =>
        Known.FirstOrDefault(k => k.Name == name).Oid ?? throw new ArgumentException($"Hash algorithm {name} is not one Doc 9303 allows.", nameof(name));

    public static HashAlgorithmName FromOid(string oid) =>
        Known.FirstOrDefault(k => k.Oid == oid) is { Oid: not null } k ? k.Name : throw new FormatException($"Digest algorithm {oid} is not SHA-1/224/256/384/512.");

    public static byte[] Hash(HashAlgorithmName name, ReadOnlySpan<byte> data)
    {
        if (name.Name == "SHA224") return Sha224.Hash(data); // .NET has no SHA-224 class
        return CryptographicOperations.HashData(name, data);
    }

    /// <summary>The hash algorithm whose output is <paramref name="length"/> bytes.</summary>
    public static HashAlgorithmName ForLength(int length) => length switch
    {
        20 => HashAlgorithmName.SHA1,
        28 => new HashAlgorithmName("SHA224"),
        32 => HashAlgorithmName.SHA256,
        48 => HashAlgorithmName.SHA384,
        64 => HashAlgorithmName.SHA512,
        _ => throw new ArgumentException($"A {length}-byte hash is not SHA-1/224/256/384/512."),
    };
}
