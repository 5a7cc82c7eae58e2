using System.Formats.Asn1;
using System.Security.Cryptography;
using Station.Personalization.Lds.SecurityInfos;

namespace Station.Personalization.Lds;

/// <summary>EF.DG14 (tag <c>6E</c>): the chip's SecurityInfos for PACE, chip authentication and terminal authentication.</summary>
public sealed record Dg14File(IReadOnlyList<SecurityInfo> SecurityInfos)
{
    /// <summary>
    /// The profile's DG14: PACE-ECDH-GM-AES-128 on brainpoolP256r1, chip authentication ECDH-AES-128 v1 with
    /// <paramref name="chipAuthenticationKey"/>'s public key, and terminal authentication v1; in DER order.
    /// </summary>
    public static Dg14File ForChip(ECDiffieHellman chipAuthenticationKey)
    {
        ArgumentNullException.ThrowIfNull(chipAuthenticationKey);
        return ForChip(chipAuthenticationKey.ExportSubjectPublicKeyInfo());
    }

    /// <inheritdoc cref="ForChip(ECDiffieHellman)"/>
    /// <param name="chipAuthenticationPublicKey">The key as DER SubjectPublicKeyInfo (see <see cref="Chip.ChipKeyPairs"/>).</param>
    public static Dg14File ForChip(byte[] chipAuthenticationPublicKey) => new(SecurityInfoSet.InDerOrder(
    [
        PaceInfo.EcdhGenericMappingAes128BrainpoolP256r1,
        ChipAuthenticationInfo.EcdhAes128,
        new ChipAuthenticationPublicKeyInfo(SecurityProtocols.PkEcdh, chipAuthenticationPublicKey, null),
        new TerminalAuthenticationInfo(1),
    ]));

    /// <summary>The complete file, tag and length included. SecurityInfos are written in list order.</summary>
    public byte[] Encode()
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        writer.PushSequence(DataGroupNumbers.Dg14Tag);
        SecurityInfoSet.Write(writer, SecurityInfos);
        writer.PopSequence(DataGroupNumbers.Dg14Tag);
        return writer.Encode();
    }

    public static Dg14File Decode(byte[] file)
    {
        var content = DataGroupNumbers.ReadWrapper(file, DataGroupNumbers.Dg14Tag, "DG14");
        var reader = new AsnReader(content, AsnEncodingRules.BER);
        var infos = SecurityInfoSet.Read(reader, "DG14");
        if (reader.HasData) throw new FormatException("DG14: data after the SecurityInfos SET.");
        return new Dg14File(infos);
    }

    /// <summary>The chip-authentication public key entries.</summary>
    public IEnumerable<ChipAuthenticationPublicKeyInfo> ChipAuthenticationPublicKeys => SecurityInfos.OfType<ChipAuthenticationPublicKeyInfo>();
}
