using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;

namespace Station.Benchmarks;

/// <summary>
/// The raw cost of one document-signer signature, to set beside "build and sign one card's chip
/// data" (issue 3): what the chip-data code adds is the difference. Same curves as the profiles:
/// brainpoolP256r1 (VNM) and NIST P-256.
/// </summary>
[MemoryDiagnoser]
public class EcdsaSignBaseline : IDisposable
{
    private readonly byte[] _signedAttributesDigest = SHA256.HashData("signed attributes of one SOD"u8);
    private ECDsa? _key;

    [Params("brainpoolP256r1", "nistP256")]
    public string Curve { get; set; } = "brainpoolP256r1";

    [GlobalSetup]
    public void CreateKey() => _key = ECDsa.Create(ECCurve.CreateFromFriendlyName(Curve));

    [Benchmark]
    public byte[] SignSha256Digest() => _key!.SignHash(_signedAttributesDigest, DSASignatureFormat.Rfc3279DerSequence);

    public void Dispose()
    {
        _key?.Dispose();
        GC.SuppressFinalize(this);
    }
}
