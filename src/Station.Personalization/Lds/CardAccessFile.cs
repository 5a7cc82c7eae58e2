using System.Formats.Asn1;
using Station.Personalization.Lds.SecurityInfos;

namespace Station.Personalization.Lds;

/// <summary>EF.CardAccess (MF file <c>011C</c>): a bare DER SecurityInfos SET, without an application tag.</summary>
public sealed record CardAccessFile(IReadOnlyList<SecurityInfo> SecurityInfos)
{
    /// <summary>The profile's EF.CardAccess: only the PACE-ECDH-GM-AES-128 brainpoolP256r1 PACEInfo.</summary>
    public static CardAccessFile ForProfile() => new([PaceInfo.EcdhGenericMappingAes128BrainpoolP256r1]);

    public byte[] Encode()
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        SecurityInfoSet.Write(writer, SecurityInfos);
        return writer.Encode();
    }

    public static CardAccessFile Decode(byte[] file)
    {
        try
        {
            var reader = new AsnReader(file, AsnEncodingRules.BER);
            var infos = SecurityInfoSet.Read(reader, "EF.CardAccess");
            reader.ThrowIfNotEmpty();
            return new CardAccessFile(infos);
        }
        catch (AsnContentException e)
        {
            throw new FormatException($"EF.CardAccess: not a SecurityInfos SET: {e.Message}", e);
        }
    }
}
