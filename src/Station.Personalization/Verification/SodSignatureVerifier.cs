using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Station.Personalization.Lds;
using Station.Personalization.Signing;

namespace Station.Personalization.Verification;

/// <summary>
/// Verifies an SOD's signature over its signed attributes with the DS certificate's key. Written on .NET primitives
/// rather than <c>SignedCms.CheckSignature</c> so that foreign SODs verify too: SHA-224, RSASSA-PSS parameters,
/// bare <c>id-ecPublicKey</c>/<c>rsaEncryption</c> signature OIDs, and EC keys given by explicit curve parameters.
/// </summary>
internal static class SodSignatureVerifier
{
    private const string RsaEncryption = "1.2.840.113549.1.1.1";
    private const string RsaPss = "1.2.840.113549.1.1.10";
    private const string EcPublicKey = "1.2.840.10045.2.1";

    /// <summary>Returns null when the signature verifies, otherwise why not.</summary>
    public static string? Verify(SodSignerInfo signerInfo, X509Certificate2 certificate)
    {
        var digest = HashAlgorithms.FromOid(signerInfo.DigestAlgorithmOid);
        byte[] hash = HashAlgorithms.Hash(digest, signerInfo.SignedAttributes);
        string oid = signerInfo.SignatureAlgorithmOid;
        byte[] spki = certificate.PublicKey.ExportSubjectPublicKeyInfo();

        if (oid == EcPublicKey || oid.StartsWith("1.2.840.10045.4.", StringComparison.Ordinal))
        {
            using var ecdsa = ECDsa.Create();
            ecdsa.ImportSubjectPublicKeyInfo(spki, out _); // accepts named and explicit (prime) curves
            return ecdsa.VerifyHash(hash, signerInfo.Signature, DSASignatureFormat.Rfc3279DerSequence)
                ? null : $"ECDSA signature ({oid}) does not verify with the DS certificate's key.";
        }
        if (oid == RsaPss)
        {
            var pssHash = PssHash(signerInfo.SignatureAlgorithmParameters);
            if (pssHash != digest)
                hash = HashAlgorithms.Hash(pssHash, signerInfo.SignedAttributes);
            using var rsa = RSA.Create();
            rsa.ImportSubjectPublicKeyInfo(spki, out _);
            bool valid = pssHash.Name == "SHA224"
                ? Sha224RsaVerifier.Verify(rsa, signerInfo.SignedAttributes, signerInfo.Signature, pss: true)
                : rsa.VerifyHash(hash, signerInfo.Signature, pssHash, RSASignaturePadding.Pss);
            return valid
                ? null : "RSASSA-PSS signature does not verify with the DS certificate's key.";
        }
        if (oid == RsaEncryption || oid.StartsWith("1.2.840.113549.1.1.", StringComparison.Ordinal))
        {
            using var rsa = RSA.Create();
            rsa.ImportSubjectPublicKeyInfo(spki, out _);
            bool valid = digest.Name == "SHA224"
                ? Sha224RsaVerifier.Verify(rsa, signerInfo.SignedAttributes, signerInfo.Signature, pss: false)
                : rsa.VerifyHash(hash, signerInfo.Signature, digest, RSASignaturePadding.Pkcs1);
            return valid
                ? null : $"RSA PKCS#1 v1.5 signature ({oid}) does not verify with the DS certificate's key.";
        }
        return $"Signature algorithm {oid} is not supported (ECDSA, RSA PKCS#1 v1.5, RSASSA-PSS are).";
    }

    /// <summary>RSASSA-PSS-params: hashAlgorithm [0] (SHA-1 by default). .NET's PSS uses MGF1 with the same hash and a salt of the hash length, as Doc 9303 profiles do.</summary>
    private static HashAlgorithmName PssHash(byte[]? parameters)
    {
        if (parameters is null) return HashAlgorithmName.SHA1;
        var sequence = new AsnReader(parameters, AsnEncodingRules.BER).ReadSequence();
        var hashTag = new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true);
        if (!sequence.HasData || !sequence.PeekTag().HasSameClassAndValue(hashTag)) return HashAlgorithmName.SHA1;
        return HashAlgorithms.FromOid(sequence.ReadSequence(hashTag).ReadSequence().ReadObjectIdentifier());
    }
}
