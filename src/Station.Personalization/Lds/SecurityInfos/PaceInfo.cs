using System.Formats.Asn1;

namespace Station.Personalization.Lds.SecurityInfos;

/// <summary>PACEInfo: <c>SEQUENCE { protocol, version INTEGER, parameterId INTEGER OPTIONAL }</c>.</summary>
public sealed record PaceInfo(string Protocol, int Version, int? ParameterId) : SecurityInfo(Protocol)
{
    /// <summary>The profile's PACE: id-PACE-ECDH-GM-AES-CBC-CMAC-128, version 2, brainpoolP256r1 (parameter id 13).</summary>
    public static PaceInfo EcdhGenericMappingAes128BrainpoolP256r1 { get; } =
        new(SecurityProtocols.PaceEcdhGmAesCbcCmac128, 2, SecurityProtocols.BrainpoolP256r1ParameterId);

    internal override void WriteTo(AsnWriter writer)
    {
        writer.PushSequence();
        writer.WriteObjectIdentifier(Protocol);
        writer.WriteInteger(Version);
        if (ParameterId is { } id) writer.WriteInteger(id);
        writer.PopSequence();
    }

    internal static PaceInfo Read(string protocol, AsnReader sequence)
    {
        int version = ReadInt(sequence, "PACEInfo version");
        int? parameterId = sequence.HasData ? ReadInt(sequence, "PACEInfo parameterId") : null;
        sequence.ThrowIfNotEmpty();
        return new PaceInfo(protocol, version, parameterId);
    }

    internal static int ReadInt(AsnReader reader, string field) =>
        reader.TryReadInt32(out int value) ? value : throw new FormatException($"{field} is not a small INTEGER.");
}
