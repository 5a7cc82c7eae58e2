using System.Security.Cryptography;
using Station.Personalization.Chip;

namespace Station.Personalization.Tests.Pki;

public class ChipKeyFactoryTests
{
    [Fact]
    public void Creates_distinct_brainpoolP256r1_pairs_whose_private_halves_match_the_public()
    {
        var keys = new ChipKeyFactory().Create();
        var other = new ChipKeyFactory().Create();

        using var ca = ECDiffieHellman.Create();
        ca.ImportPkcs8PrivateKey(keys.Secrets.ChipAuthenticationPrivateKey, out _);
        using var aa = ECDsa.Create();
        aa.ImportPkcs8PrivateKey(keys.Secrets.ActiveAuthenticationPrivateKey, out _);

        Assert.Equal(keys.ChipAuthenticationPublicKey, ca.ExportSubjectPublicKeyInfo());
        Assert.Equal(keys.ActiveAuthenticationPublicKey, aa.ExportSubjectPublicKeyInfo());
        Assert.Equal(ECCurve.NamedCurves.brainpoolP256r1.Oid.Value, ca.ExportParameters(false).Curve.Oid.Value);
        Assert.Equal(ECCurve.NamedCurves.brainpoolP256r1.Oid.Value, aa.ExportParameters(false).Curve.Oid.Value);
        Assert.NotEqual(keys.ChipAuthenticationPublicKey, other.ChipAuthenticationPublicKey);
        Assert.NotEqual(keys.ChipAuthenticationPublicKey, keys.ActiveAuthenticationPublicKey);
    }
}
