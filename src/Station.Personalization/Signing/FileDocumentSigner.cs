using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Station.Personalization.Signing;

/// <summary>
/// Development-only Document Signer: a PKCS#8 PEM private key and a PEM certificate from files. Every time one is
/// created it reports a warning through the <c>warn</c> callback (Personalization has no logging dependency; the
/// host passes its logger). EC keys sign ECDSA; RSA keys sign with <see cref="Padding"/> (PSS unless told otherwise).
/// </summary>
public sealed class FileDocumentSigner : IRsaDocumentSigner, IDisposable
{
    private readonly AsymmetricAlgorithm key;
    private readonly Lock gate = new();

    private FileDocumentSigner(AsymmetricAlgorithm key, X509Certificate2 certificate, string description, RSASignaturePadding padding)
    {
        this.key = key;
        Certificate = certificate;
        Description = description;
        Padding = padding;
    }

    public X509Certificate2 Certificate { get; }
    public string Description { get; }
    public RSASignaturePadding Padding { get; }

    /// <summary>Loads the key and certificate files.</summary>
    /// <param name="keyPemPath">PKCS#8 PEM private key (EC or RSA).</param>
    /// <param name="certificatePemPath">The DS certificate as PEM.</param>
    /// <param name="warn">Receives the development-only warning; required so the warning cannot be silently dropped.</param>
    /// <param name="rsaPadding">Padding for an RSA key; PSS when null.</param>
    /// <exception cref="SignerUnavailableException">A file is missing or unreadable, or the key does not match the certificate.</exception>
    public static FileDocumentSigner FromFiles(string keyPemPath, string certificatePemPath, Action<string> warn, RSASignaturePadding? rsaPadding = null)
    {
        string keyPem = ReadFile(keyPemPath, "private key");
        string certificatePem = ReadFile(certificatePemPath, "certificate");
        return FromPem(keyPem, certificatePem, warn, $"file:{keyPemPath}", rsaPadding);
    }

    /// <summary>Creates the signer from PEM text (tests, and <c>pki init</c> output).</summary>
    public static FileDocumentSigner FromPem(string keyPem, string certificatePem, Action<string> warn, string description = "file:memory", RSASignaturePadding? rsaPadding = null)
    {
        ArgumentNullException.ThrowIfNull(warn);
        X509Certificate2 certificate;
        try
        {
            certificate = X509Certificate2.CreateFromPem(certificatePem);
        }
        catch (CryptographicException e)
        {
            throw new SignerUnavailableException($"Document signer {description}: the certificate PEM cannot be read: {e.Message}", e);
        }
        AsymmetricAlgorithm key = certificate.PublicKey.Oid.Value == "1.2.840.113549.1.1.1" ? RSA.Create() : ECDsa.Create();
        try
        {
            key.ImportFromPem(keyPem);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            key.Dispose();
            throw new SignerUnavailableException($"Document signer {description}: the private key PEM cannot be read as the certificate's {(key is RSA ? "RSA" : "EC")} key: {e.Message}", e);
        }
        if (!key.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(certificate.PublicKey.ExportSubjectPublicKeyInfo()))
        {
            key.Dispose();
            throw new SignerUnavailableException($"Document signer {description}: the private key does not belong to the certificate {certificate.Subject}.");
        }
        warn($"Document signer {description} uses a private key from a file: for development only, never for issuing real cards.");
        return new FileDocumentSigner(key, certificate, description, rsaPadding ?? RSASignaturePadding.Pss);
    }

    public byte[] SignHash(ReadOnlySpan<byte> hash, HashAlgorithmName hashAlgorithm)
    {
        lock (gate)
        {
            return key switch
            {
                ECDsa ecdsa => ecdsa.SignHash(hash, DSASignatureFormat.Rfc3279DerSequence),
                RSA rsa => rsa.SignHash(hash.ToArray(), hashAlgorithm, Padding),
                _ => throw new SignerUnavailableException($"Document signer {Description}: unsupported key type."),
            };
        }
    }

    public void Dispose() => key.Dispose();

    private static string ReadFile(string path, string what)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SignerUnavailableException($"Document signer {what} file '{path}' cannot be read: {e.Message}", e);
        }
    }
}
