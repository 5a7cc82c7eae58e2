using System.Formats.Asn1;
using System.Security.Cryptography;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;

namespace Station.Personalization.Signing;

/// <summary>Generates the Document Signer's EC key pair inside the token: private half sensitive and non-extractable.</summary>
public static class Pkcs11KeyGenerator
{
    /// <summary>Generates the pair under <see cref="Pkcs11SignerOptions.KeyLabel"/> and returns the public key as SubjectPublicKeyInfo.</summary>
    /// <exception cref="SignerUnavailableException">The token cannot be used, or a key with that label exists already.</exception>
    public static byte[] GenerateEcKeyPair(Pkcs11SignerOptions options, ECCurve curve)
    {
        string curveOid = curve.Oid?.Value ?? throw new ArgumentException("The curve must be a named curve with an OID.", nameof(curve));
        using var token = Pkcs11Session.Open(options);
        if (token.Find(CKO.CKO_PRIVATE_KEY, options.KeyLabel) is not null)
            throw new SignerUnavailableException($"PKCS#11 token '{options.TokenLabel}' already holds a private key labelled '{options.KeyLabel}': choose another key label.");

        var ecParameters = new AsnWriter(AsnEncodingRules.DER);
        ecParameters.WriteObjectIdentifier(curveOid);
        byte[] id = RandomNumberGenerator.GetBytes(8);
        var attributes = token.Factories.ObjectAttributeFactory;
        var publicTemplate = new List<IObjectAttribute>
        {
            attributes.Create(CKA.CKA_TOKEN, true),
            attributes.Create(CKA.CKA_LABEL, options.KeyLabel),
            attributes.Create(CKA.CKA_ID, id),
            attributes.Create(CKA.CKA_VERIFY, true),
            attributes.Create(CKA.CKA_EC_PARAMS, ecParameters.Encode()),
        };
        var privateTemplate = new List<IObjectAttribute>
        {
            attributes.Create(CKA.CKA_TOKEN, true),
            attributes.Create(CKA.CKA_PRIVATE, true),
            attributes.Create(CKA.CKA_LABEL, options.KeyLabel),
            attributes.Create(CKA.CKA_ID, id),
            attributes.Create(CKA.CKA_SIGN, true),
            attributes.Create(CKA.CKA_SENSITIVE, true),
            attributes.Create(CKA.CKA_EXTRACTABLE, false),
        };
        try
        {
            var mechanism = token.Factories.MechanismFactory.Create(CKM.CKM_EC_KEY_PAIR_GEN);
            token.Session.GenerateKeyPair(mechanism, publicTemplate, privateTemplate, out var publicKey, out _);
            byte[] point = token.Session.GetAttributeValue(publicKey, [CKA.CKA_EC_POINT])[0].GetValueAsByteArray();
            return ToSubjectPublicKeyInfo(curve, point);
        }
        catch (Pkcs11Exception e)
        {
            throw new SignerUnavailableException($"PKCS#11 token '{options.TokenLabel}' could not generate an EC key on {curve.Oid.FriendlyName ?? curveOid}: {e.RV}.", e);
        }
    }

    /// <summary>CKA_EC_POINT is a DER OCTET STRING around the uncompressed point (some modules return it bare).</summary>
    internal static byte[] ToSubjectPublicKeyInfo(ECCurve curve, byte[] ecPoint)
    {
        int fieldBytes;
        using (var probe = ECDsa.Create(curve)) fieldBytes = (probe.KeySize + 7) / 8;
        byte[] point = ecPoint.Length == 1 + 2 * fieldBytes && ecPoint[0] == 0x04
            ? ecPoint
            : AsnDecoder.ReadOctetString(ecPoint, AsnEncodingRules.BER, out _);
        if (point.Length % 2 != 1 || point[0] != 0x04)
            throw new FormatException("PKCS#11 EC point is not an uncompressed point (04 || X || Y).");
        int size = point.Length / 2;
        using var key = ECDsa.Create(new ECParameters
        {
            Curve = curve,
            Q = new ECPoint { X = point[1..(1 + size)], Y = point[(1 + size)..] },
        });
        return key.ExportSubjectPublicKeyInfo();
    }
}
