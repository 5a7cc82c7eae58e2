using System.Security.Cryptography;

namespace Station.Personalization.Chip;

/// <summary>
/// Generates the per-card key pairs: chip authentication (ECDH) and active authentication (ECDSA), both on
/// brainpoolP256r1 unless another curve is given. Keys come from the platform's CSPRNG; they are returned as
/// PKCS#8 in <see cref="ChipSecrets"/> and never stored here.
/// </summary>
/// <remarks>
/// Nearly all of the time goes to OpenSSL generating each key (a generic scalar multiplication, brainpool having no
/// optimized code) and .NET checking it (two more); the curve lookup and the exports are microseconds. The station
/// therefore takes its keys from a <see cref="ChipKeyPool"/> that calls this factory ahead of need.
/// Stateless and thread-safe.
/// </remarks>
public sealed class ChipKeyFactory(ECCurve curve) : IChipKeySource
{
    public ChipKeyFactory() : this(ECCurve.NamedCurves.brainpoolP256r1) { }

    public ECCurve Curve { get; } = curve;

    ChipKeyPairs IChipKeySource.Next() => Create();

    /// <summary>Generates one card's two key pairs now, on the caller's thread.</summary>
    /// <exception cref="PlatformNotSupportedException">The platform's crypto library does not support <see cref="Curve"/>.</exception>
    public ChipKeyPairs Create()
    {
        using var chipAuthentication = ECDiffieHellman.Create(Curve);
        using var activeAuthentication = ECDsa.Create(Curve);
        return new ChipKeyPairs(
            chipAuthentication.ExportSubjectPublicKeyInfo(),
            activeAuthentication.ExportSubjectPublicKeyInfo(),
            new ChipSecrets(chipAuthentication.ExportPkcs8PrivateKey(), activeAuthentication.ExportPkcs8PrivateKey()));
    }
}
