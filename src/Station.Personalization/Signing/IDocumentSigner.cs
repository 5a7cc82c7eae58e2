using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Station.Personalization.Signing;

/// <summary>
/// The Document Signer: signs the SOD. Implementations keep the private key where it lives
/// (a PKCS#11 token in production; a file for development only).
/// </summary>
public interface IDocumentSigner
{
    /// <summary>The Document Signer certificate that goes into the SOD.</summary>
    X509Certificate2 Certificate { get; }

    /// <summary>A short description for logs and alarms, e.g. <c>pkcs11:token=Station;key=DS</c>.</summary>
    string Description { get; }

    /// <summary>Signs a precomputed hash; the result is the signature in the form CMS expects (DER for ECDSA).</summary>
    /// <exception cref="SignerUnavailableException">The token or key cannot be used now.</exception>
    byte[] SignHash(ReadOnlySpan<byte> hash, HashAlgorithmName hashAlgorithm);
}
