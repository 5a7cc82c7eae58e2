using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Station.Personalization.Signing;

/// <summary>Presents an RSA <see cref="IDocumentSigner"/> as an <see cref="RSA"/> for <c>CmsSigner</c>; signing is delegated.</summary>
internal sealed class DocumentSignerRsa : RSA
{
    private readonly IDocumentSigner signer;
    private readonly RSASignaturePadding padding;
    private readonly RSA publicKey;

    public DocumentSignerRsa(IDocumentSigner signer, RSASignaturePadding padding)
    {
        this.signer = signer;
        this.padding = padding;
        publicKey = signer.Certificate.GetRSAPublicKey()
            ?? throw new SignerUnavailableException($"Document signer {signer.Description}: its certificate has no RSA public key.");
        KeySizeValue = publicKey.KeySize;
        LegalKeySizesValue = [new KeySizes(KeySizeValue, KeySizeValue, 0)];
    }

    public override byte[] SignHash(byte[] hash, HashAlgorithmName hashAlgorithm, RSASignaturePadding padding)
    {
        if (padding != this.padding)
            throw new CryptographicException($"Document signer {signer.Description} signs with {this.padding.Mode} padding, not {padding.Mode}.");
        return signer.SignHash(hash, hashAlgorithm);
    }

    public override bool VerifyHash(byte[] hash, byte[] signature, HashAlgorithmName hashAlgorithm, RSASignaturePadding padding) =>
        publicKey.VerifyHash(hash, signature, hashAlgorithm, padding);

    public override RSAParameters ExportParameters(bool includePrivateParameters) => includePrivateParameters
        ? throw new CryptographicException("The document signer's private key cannot be exported.")
        : publicKey.ExportParameters(false);

    public override void ImportParameters(RSAParameters parameters) =>
        throw new NotSupportedException("A document signer's key is fixed by its certificate.");

    protected override void Dispose(bool disposing)
    {
        if (disposing) publicKey.Dispose();
        base.Dispose(disposing);
    }
}
