using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Station.Personalization.Signing;

/// <summary>
/// Presents an <see cref="IDocumentSigner"/> as an <see cref="ECDsa"/> so <c>CmsSigner</c> can use it: signing is
/// delegated to the signer (the private key stays where it lives), verification uses the certificate's public key.
/// </summary>
internal sealed class DocumentSignerECDsa : ECDsa
{
    private readonly IDocumentSigner signer;
    private readonly HashAlgorithmName hashAlgorithm;
    private readonly ECDsa publicKey;

    public DocumentSignerECDsa(IDocumentSigner signer, HashAlgorithmName hashAlgorithm)
    {
        this.signer = signer;
        this.hashAlgorithm = hashAlgorithm;
        publicKey = signer.Certificate.GetECDsaPublicKey()
            ?? throw new SignerUnavailableException($"Document signer {signer.Description}: its certificate has no EC public key.");
        KeySizeValue = publicKey.KeySize;
        LegalKeySizesValue = [new KeySizes(KeySizeValue, KeySizeValue, 0)];
    }

    /// <summary>Returns IEEE P1363 <c>r||s</c>, the form <see cref="ECDsa.SignHash(byte[])"/> promises.</summary>
    public override byte[] SignHash(byte[] hash) =>
        EcdsaSignatureEncoding.DerToRaw(signer.SignHash(hash, hashAlgorithm), (KeySize + 7) / 8);

    public override bool VerifyHash(byte[] hash, byte[] signature) => publicKey.VerifyHash(hash, signature);

    public override ECParameters ExportParameters(bool includePrivateParameters) => includePrivateParameters
        ? throw new CryptographicException("The document signer's private key cannot be exported.")
        : publicKey.ExportParameters(false);

    public override ECParameters ExportExplicitParameters(bool includePrivateParameters) => includePrivateParameters
        ? throw new CryptographicException("The document signer's private key cannot be exported.")
        : publicKey.ExportExplicitParameters(false);

    protected override void Dispose(bool disposing)
    {
        if (disposing) publicKey.Dispose();
        base.Dispose(disposing);
    }
}
