using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using Station.Personalization.Lds;

namespace Station.Personalization.Signing;

/// <summary>
/// Builds EF.SOD: CMS SignedData v3 (System.Security.Cryptography.Pkcs) over the LDSSecurityObject, with
/// contentType, messageDigest and signingTime signed, the Document Signer certificate included, and the signature
/// made by <see cref="IDocumentSigner"/> so the private key never enters this process when it lives in a token.
/// </summary>
public static class SodBuilder
{
    private const string EcPublicKeyOid = "1.2.840.10045.2.1";
    private const string RsaPublicKeyOid = "1.2.840.113549.1.1.1";

    /// <inheritdoc cref="Build(IReadOnlyDictionary{int, byte[]}, IDocumentSigner, DateTimeOffset, SodOptions)"/>
    public static byte[] Build(IReadOnlyDictionary<int, byte[]> dgFiles, IDocumentSigner signer, DateTimeOffset signingTime) =>
        Build(dgFiles, signer, signingTime, SodOptions.Default);

    /// <summary>Returns the complete EF.SOD (tag <c>77</c>).</summary>
    /// <param name="dgFiles">Complete DG files (tag and length included) by data-group number.</param>
    /// <param name="signer">The Document Signer.</param>
    /// <param name="signingTime">Written as the signingTime attribute (the caller's clock).</param>
    /// <param name="options">Hash algorithm.</param>
    /// <exception cref="SignerUnavailableException">The signer cannot sign now.</exception>
    public static byte[] Build(IReadOnlyDictionary<int, byte[]> dgFiles, IDocumentSigner signer, DateTimeOffset signingTime, SodOptions options)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(options);
        var securityObject = LdsSecurityObject.Create(options.HashAlgorithm, dgFiles);
        var content = new ContentInfo(new Oid(LdsSecurityObject.ContentType), securityObject.Encode());
        var cms = new SignedCms(content, detached: false);

        using var key = KeyFor(signer, options);
        var cmsSigner = key is RSA rsa
            ? new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, signer.Certificate, rsa, ((IRsaDocumentSigner)signer).Padding)
            : new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, signer.Certificate, key);
        cmsSigner.DigestAlgorithm = new Oid(HashAlgorithms.OidOf(options.HashAlgorithm));
        cmsSigner.IncludeOption = X509IncludeOption.EndCertOnly;
        cmsSigner.SignedAttributes.Add(new Pkcs9SigningTime(signingTime.UtcDateTime));
        cms.ComputeSignature(cmsSigner, silent: true);
        return SodFile.Wrap(cms.Encode());
    }

    private static AsymmetricAlgorithm KeyFor(IDocumentSigner signer, SodOptions options) => signer.Certificate.PublicKey.Oid.Value switch
    {
        EcPublicKeyOid => new DocumentSignerECDsa(signer, options.HashAlgorithm),
        RsaPublicKeyOid when signer is IRsaDocumentSigner rsa => new DocumentSignerRsa(signer, rsa.Padding),
        RsaPublicKeyOid => throw new SignerUnavailableException($"Document signer {signer.Description} has an RSA key but does not say its padding (IRsaDocumentSigner)."),
        var other => throw new SignerUnavailableException($"Document signer {signer.Description}: key algorithm {other} is neither EC nor RSA."),
    };
}
