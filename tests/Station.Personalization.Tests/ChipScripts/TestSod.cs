using System.Formats.Asn1;
using System.Security.Cryptography;

namespace Station.Personalization.Tests.ChipScripts;

/// <summary>
/// Test double for EF.SOD: tag 77 around a SEQUENCE OF { INTEGER dg, OCTET STRING SHA-256 } without a signature.
/// Real SODs come from the chip-data engineer; these tests only need the hashes.
/// </summary>
internal static class TestSod
{
    private static readonly Asn1Tag SodTag = new(TagClass.Application, 23, isConstructed: true);

    public static byte[] Build(IReadOnlyDictionary<int, byte[]> dataGroups)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence(SodTag))
        {
            foreach (var (number, content) in dataGroups.OrderBy(d => d.Key))
            {
                using (writer.PushSequence())
                {
                    writer.WriteInteger(number);
                    writer.WriteOctetString(SHA256.HashData(content));
                }
            }
        }
        return writer.Encode();
    }

    public static Dictionary<int, byte[]> ReadHashes(byte[] sod)
    {
        var hashes = new Dictionary<int, byte[]>();
        var outer = new AsnReader(sod, AsnEncodingRules.DER).ReadSequence(SodTag);
        while (outer.HasData)
        {
            var entry = outer.ReadSequence();
            hashes[(int)entry.ReadInteger()] = entry.ReadOctetString();
        }
        return hashes;
    }
}
