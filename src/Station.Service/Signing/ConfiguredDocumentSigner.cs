using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Station.Personalization.Signing;

namespace Station.Service.Signing;

/// <summary>
/// The station's Document Signer: opens the configured signer on first use and again after it failed, so a token
/// that is missing at start (or pulled later) makes jobs wait in Preparing with an alarm instead of stopping the
/// station; it signs as soon as the token is back.
/// </summary>
public sealed class ConfiguredDocumentSigner(Func<IDocumentSigner> open, X509Certificate2 certificate, string description) : IDocumentSigner, IDisposable
{
    private readonly Lock _gate = new();
    private IDocumentSigner? _inner;

    public X509Certificate2 Certificate { get; } = certificate;

    public string Description { get; } = description;

    public byte[] SignHash(ReadOnlySpan<byte> hash, HashAlgorithmName hashAlgorithm)
    {
        lock (_gate)
        {
            try
            {
                _inner ??= open();
                return _inner.SignHash(hash, hashAlgorithm);
            }
            catch (SignerUnavailableException)
            {
                Reset();
                throw;
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            Reset();
        }
    }

    private void Reset()
    {
        (_inner as IDisposable)?.Dispose();
        _inner = null;
    }
}
