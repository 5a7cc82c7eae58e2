using System.Formats.Asn1;
using System.Security.Cryptography;

namespace Station.Personalization.Lds.SecurityInfos;

/// <summary>
/// ChipAuthenticationPublicKeyInfo: <c>SEQUENCE { protocol id-PK-*, chipAuthenticationPublicKey SubjectPublicKeyInfo, keyId INTEGER OPTIONAL }</c>.
/// The key is kept as its DER SubjectPublicKeyInfo so explicit curve parameters survive a round trip.
/// </summary>
public sealed record ChipAuthenticationPublicKeyInfo(string Protocol, byte[] SubjectPublicKeyInfo, int? KeyId) : SecurityInfo(Protocol)
{
    /// <summary>An id-PK-ECDH entry for the card's chip-authentication key.</summary>
    public static ChipAuthenticationPublicKeyInfo ForEcdh(ECDiffieHellman key, int? keyId = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new(SecurityProtocols.PkEcdh, key.ExportSubjectPublicKeyInfo(), keyId);
    }

    internal override void WriteTo(AsnWriter writer)
    {
        writer.PushSequence();
        writer.WriteObjectIdentifier(Protocol);
        writer.WriteEncodedValue(SubjectPublicKeyInfo);
        if (KeyId is { } id) writer.WriteInteger(id);
        writer.PopSequence();
    }

    internal static ChipAuthenticationPublicKeyInfo Read(string protocol, AsnReader sequence)
    {
        byte[] spki = sequence.ReadEncodedValue().ToArray();
        int? keyId = sequence.HasData ? PaceInfo.ReadInt(sequence, "ChipAuthenticationPublicKeyInfo keyId") : null;
        sequence.ThrowIfNotEmpty();
        return new ChipAuthenticationPublicKeyInfo(protocol, spki, keyId);
    }
}
