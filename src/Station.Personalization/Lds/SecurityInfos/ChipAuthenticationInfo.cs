using System.Formats.Asn1;

namespace Station.Personalization.Lds.SecurityInfos;

/// <summary>ChipAuthenticationInfo: <c>SEQUENCE { protocol, version INTEGER, keyId INTEGER OPTIONAL }</c>.</summary>
public sealed record ChipAuthenticationInfo(string Protocol, int Version, int? KeyId) : SecurityInfo(Protocol)
{
    /// <summary>id-CA-ECDH-AES-CBC-CMAC-128, version 1, no key id (one key on the chip).</summary>
    public static ChipAuthenticationInfo EcdhAes128 { get; } = new(SecurityProtocols.CaEcdhAesCbcCmac128, 1, null);

    internal override void WriteTo(AsnWriter writer)
    {
        writer.PushSequence();
        writer.WriteObjectIdentifier(Protocol);
        writer.WriteInteger(Version);
        if (KeyId is { } id) writer.WriteInteger(id);
        writer.PopSequence();
    }

    internal static ChipAuthenticationInfo Read(string protocol, AsnReader sequence)
    {
        int version = PaceInfo.ReadInt(sequence, "ChipAuthenticationInfo version");
        int? keyId = sequence.HasData ? PaceInfo.ReadInt(sequence, "ChipAuthenticationInfo keyId") : null;
        sequence.ThrowIfNotEmpty();
        return new ChipAuthenticationInfo(protocol, version, keyId);
    }
}
