using System.Security.Cryptography.X509Certificates;

namespace Station.Personalization.Pki;

/// <summary>
/// A test CSCA (with its private key) and a Document Signer certificate it issued. <see cref="DocumentSignerKeyPem"/>
/// is the PKCS#8 PEM of a software DS key, or null when the key was generated inside a PKCS#11 token.
/// </summary>
public sealed record TestPki(X509Certificate2 Csca, X509Certificate2 DocumentSigner, string? DocumentSignerKeyPem);
