using System.Security.Cryptography;

namespace Station.Personalization.Signing;

/// <summary>How the SOD is built: the hash over the data groups and the signed attributes (SHA-256 by default).
/// The signature scheme follows the signer's key: ECDSA, or RSA with the signer's padding (PSS as the profile option).</summary>
public sealed record SodOptions(HashAlgorithmName HashAlgorithm)
{
    public static SodOptions Default { get; } = new(HashAlgorithmName.SHA256);
}
