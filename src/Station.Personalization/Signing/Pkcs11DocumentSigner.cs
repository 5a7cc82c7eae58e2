using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;

namespace Station.Personalization.Signing;

/// <summary>
/// Document Signer whose EC private key stays in a PKCS#11 token (Pkcs11Interop): signs the hash with CKM_ECDSA and
/// returns DER. One session, guarded by a lock; after a failure the session is reopened on the next call, so a token
/// that comes back (re-inserted, PIN file fixed) is picked up without restarting.
/// </summary>
public sealed class Pkcs11DocumentSigner : IDocumentSigner, IDisposable
{
    private readonly Pkcs11SignerOptions options;
    private readonly Lock gate = new();
    private Pkcs11Session? session;
    private IObjectHandle? key;

    /// <summary>Opens the token and finds the key now, so a wrong configuration fails at start.</summary>
    /// <exception cref="SignerUnavailableException">Module missing, token label not found, wrong PIN, or key absent.</exception>
    public Pkcs11DocumentSigner(Pkcs11SignerOptions options, X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        this.options = options ?? throw new ArgumentNullException(nameof(options));
        if (certificate.PublicKey.Oid.Value != "1.2.840.10045.2.1")
            throw new SignerUnavailableException($"Document signer {options.Description}: the certificate's key is not EC; this signer does ECDSA only.");
        Certificate = certificate;
        lock (gate) EnsureOpen();
    }

    /// <summary>Loads the DS certificate from a PEM or DER file.</summary>
    public static Pkcs11DocumentSigner FromCertificateFile(Pkcs11SignerOptions options, string certificatePath)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadCertificateFromFile(certificatePath);
        }
        catch (Exception e) when (e is CryptographicException or IOException)
        {
            throw new SignerUnavailableException($"Document signer certificate '{certificatePath}' cannot be read: {e.Message}", e);
        }
        return new Pkcs11DocumentSigner(options, certificate);
    }

    public X509Certificate2 Certificate { get; }
    public string Description => options.Description;

    /// <summary>Time the last <see cref="SignHash"/> spent in the token.</summary>
    public TimeSpan LastSignDuration { get; private set; }

    public byte[] SignHash(ReadOnlySpan<byte> hash, HashAlgorithmName hashAlgorithm)
    {
        byte[] data = hash.ToArray();
        lock (gate)
        {
            EnsureOpen();
            try
            {
                long start = Stopwatch.GetTimestamp();
                var mechanism = session!.Factories.MechanismFactory.Create(CKM.CKM_ECDSA);
                byte[] raw = session.Session.Sign(mechanism, key!, data);
                LastSignDuration = Stopwatch.GetElapsedTime(start);
                return EcdsaSignatureEncoding.RawToDer(raw);
            }
            catch (Pkcs11Exception e)
            {
                Close();
                throw new SignerUnavailableException($"PKCS#11 signing with {Description} failed with {e.RV}: check that the token is present and logged in.", e);
            }
        }
    }

    public void Dispose()
    {
        lock (gate) Close();
    }

    private void EnsureOpen()
    {
        if (session is not null) return;
        var opened = Pkcs11Session.Open(options);
        var found = opened.Find(CKO.CKO_PRIVATE_KEY, options.KeyLabel);
        if (found is null)
        {
            opened.Dispose();
            throw new SignerUnavailableException($"PKCS#11 token '{options.TokenLabel}' has no private key labelled '{options.KeyLabel}': check the key label (or run 'station pki init').");
        }
        try
        {
            EnsureCertificateMatchesToken(opened);
        }
        catch
        {
            opened.Dispose();
            throw;
        }
        session = opened;
        key = found;
    }

    /// <summary>When the token holds the public half under the same label, it must be the certificate's key; otherwise every SOD would fail verification.</summary>
    private void EnsureCertificateMatchesToken(Pkcs11Session opened)
    {
        var publicKey = opened.Find(CKO.CKO_PUBLIC_KEY, options.KeyLabel);
        if (publicKey is null) return;
        byte[] point = opened.Session.GetAttributeValue(publicKey, [CKA.CKA_EC_POINT])[0].GetValueAsByteArray();
        using var certificateKey = Certificate.GetECDsaPublicKey()!;
        var curve = certificateKey.ExportParameters(false).Curve;
        byte[] tokenSpki = Pkcs11KeyGenerator.ToSubjectPublicKeyInfo(curve, point);
        if (!tokenSpki.AsSpan().SequenceEqual(certificateKey.ExportSubjectPublicKeyInfo()))
            throw new SignerUnavailableException($"PKCS#11 key '{options.KeyLabel}' on token '{options.TokenLabel}' does not belong to the DS certificate {Certificate.Subject}: check the certificate file.");
    }

    private void Close()
    {
        session?.Dispose();
        session = null;
        key = null;
    }
}
