using System.Formats.Asn1;
using System.Security.Cryptography;

namespace Station.Personalization.Lds;

/// <summary>EF.DG15 (tag <c>6F</c>): the active-authentication public key as a DER SubjectPublicKeyInfo.</summary>
public sealed record Dg15File(byte[] SubjectPublicKeyInfo)
{
    public static Dg15File ForKey(AsymmetricAlgorithm activeAuthenticationKey)
    {
        ArgumentNullException.ThrowIfNull(activeAuthenticationKey);
        return new Dg15File(activeAuthenticationKey.ExportSubjectPublicKeyInfo());
    }

    /// <summary>The key's algorithm OID (<c>1.2.840.10045.2.1</c> EC, <c>1.2.840.113549.1.1.1</c> RSA).</summary>
    public string AlgorithmOid =>
        new AsnReader(SubjectPublicKeyInfo, AsnEncodingRules.BER).ReadSequence().ReadSequence().ReadObjectIdentifier();

    public byte[] Encode()
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        writer.PushSequence(DataGroupNumbers.Dg15Tag);
        writer.WriteEncodedValue(SubjectPublicKeyInfo);
        writer.PopSequence(DataGroupNumbers.Dg15Tag);
        return writer.Encode();
    }

    public static Dg15File Decode(byte[] file)
    {
        var content = DataGroupNumbers.ReadWrapper(file, DataGroupNumbers.Dg15Tag, "DG15");
        try
        {
            var reader = new AsnReader(content, AsnEncodingRules.BER);
            byte[] spki = reader.ReadEncodedValue().ToArray();
            reader.ThrowIfNotEmpty();
            var shape = new AsnReader(spki, AsnEncodingRules.BER).ReadSequence();
            shape.ReadSequence();
            shape.ReadBitString(out _);
            shape.ThrowIfNotEmpty();
            return new Dg15File(spki);
        }
        catch (AsnContentException e)
        {
            throw new FormatException($"DG15: the content is not a SubjectPublicKeyInfo: {e.Message}", e);
        }
    }
}
