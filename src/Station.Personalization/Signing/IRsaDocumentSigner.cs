using System.Security.Cryptography;

namespace Station.Personalization.Signing;

/// <summary>A document signer with an RSA key; says which padding its <see cref="IDocumentSigner.SignHash"/> produces.</summary>
public interface IRsaDocumentSigner : IDocumentSigner
{
    RSASignaturePadding Padding { get; }
}
