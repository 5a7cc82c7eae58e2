using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Station.Personalization.Signing;

namespace Station.Personalization.Pki;

/// <summary>
/// Creates a test PKI shaped as Doc 9303 Part 12 describes: a self-signed CSCA (keyCertSign + cRLSign, CA basic
/// constraints with path length 0, SKI = AKI) and a Document Signer certificate issued by it (digitalSignature,
/// AKI = the CSCA's SKI). The DS key is either software (returned as PEM) or generated inside a PKCS#11 token.
/// </summary>
public static class TestPkiFactory
{
    /// <summary>A CSCA and a software DS key, both valid from <paramref name="now"/> (the caller's clock).</summary>
    public static TestPki CreateSoftware(DateTimeOffset now, TestPkiOptions? options = null)
    {
        options ??= new TestPkiOptions();
        var csca = CreateCsca(now, options);
        using var dsKey = ECDsa.Create(options.Curve);
        var request = new CertificateRequest(DocumentSignerName(options), dsKey, HashAlgorithmName.SHA256);
        var ds = IssueDocumentSigner(csca, request, now, options);
        return new TestPki(csca, ds, dsKey.ExportPkcs8PrivateKeyPem());
    }

    /// <summary>A CSCA and a DS key generated inside the token (non-extractable, sensitive) under the options' key label.</summary>
    /// <exception cref="SignerUnavailableException">The module, token or PIN cannot be used.</exception>
    public static TestPki CreateWithTokenKey(DateTimeOffset now, Pkcs11SignerOptions token, TestPkiOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(token);
        options ??= new TestPkiOptions();
        var csca = CreateCsca(now, options);
        byte[] publicKeySpki = Pkcs11KeyGenerator.GenerateEcKeyPair(token, options.Curve);
        using var dsPublic = ECDsa.Create();
        dsPublic.ImportSubjectPublicKeyInfo(publicKeySpki, out _);
        var request = new CertificateRequest(DocumentSignerName(options), new PublicKey(dsPublic), HashAlgorithmName.SHA256);
        return new TestPki(csca, IssueDocumentSigner(csca, request, now, options), null);
    }

    /// <summary>A self-signed CSCA with its private key.</summary>
    public static X509Certificate2 CreateCsca(DateTimeOffset now, TestPkiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var key = ECDsa.Create(options.Curve);
        var request = new CertificateRequest(Name(options, options.CscaCommonName), key, HashAlgorithmName.SHA256);
        var ski = new X509SubjectKeyIdentifierExtension(request.PublicKey, X509SubjectKeyIdentifierHashAlgorithm.Sha1, critical: false);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: true, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(ski);
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromSubjectKeyIdentifier(ski));
        return request.CreateSelfSigned(now.AddMinutes(-1), now + options.CscaValidity);
    }

    private static X509Certificate2 IssueDocumentSigner(X509Certificate2 csca, CertificateRequest request, DateTimeOffset now, TestPkiOptions options)
    {
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, X509SubjectKeyIdentifierHashAlgorithm.Sha1, critical: false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(csca, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        using var cscaKey = csca.GetECDsaPrivateKey() ?? throw new ArgumentException("The CSCA certificate has no EC private key.", nameof(csca));
        var generator = X509SignatureGenerator.CreateForECDsa(cscaKey);
        var notAfter = now + options.DocumentSignerValidity;
        if (notAfter > csca.NotAfter) notAfter = csca.NotAfter;
        return request.Create(csca.SubjectName, generator, now.AddMinutes(-1), notAfter, SerialNumber());
    }

    private static X500DistinguishedName DocumentSignerName(TestPkiOptions options) => Name(options, options.DocumentSignerCommonName);

    private static X500DistinguishedName Name(TestPkiOptions options, string commonName)
    {
        var builder = new X500DistinguishedNameBuilder();
        builder.AddCountryOrRegion(options.Country);
        builder.AddOrganizationName(options.Organization);
        builder.AddCommonName(commonName);
        return builder.Build();
    }

    /// <summary>A positive 16-byte serial number.</summary>
    private static byte[] SerialNumber()
    {
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] = (byte)(serial[0] & 0x7F | 0x01);
        return serial;
    }
}
