using System.Security.Cryptography;

namespace Station.Personalization.Chip;

/// <summary>
/// Generates the per-card key pairs: chip authentication (ECDH) and active authentication (ECDSA), both on
/// brainpoolP256r1 unless another curve is given. Keys come from the platform's CSPRNG; they are returned as
/// PKCS#8 in <see cref="ChipSecrets"/> and never stored here.
/// </summary>
public sealed class ChipKeyFactory(ECCurve curve) : IChipKeySource
{
    public ChipKeyFactory() : this(ECCurve.NamedCurves.brainpoolP256r1) { }

    public ECCurve Curve { get; } = curve;

    ChipKeyPairs IChipKeySource.Next() => Create();

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
