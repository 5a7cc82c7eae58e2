using System.Security.Cryptography;
using System.Text;
using Station.Personalization.Chip;
using Station.Personalization.SecureMessaging;

namespace Station.Personalization.ChipScripts;

/// <summary>
/// The named values a key-loading template may use, taken from a <see cref="ChipImage"/>:
/// <c>bacKeySeed</c>, <c>documentNumber</c>, <c>dateOfBirth</c>, <c>dateOfExpiry</c>, <c>caPrivateKey</c>, <c>aaPrivateKey</c>
/// (PKCS#8, capabilities <c>caKey</c>/<c>aaKey</c>), and when the key type allows: <c>aaModulus</c>/<c>aaPrivateExponent</c> (capability <c>aaRsa</c>) and
/// <c>caPrime</c>, <c>caA</c>, <c>caB</c>, <c>caGenerator</c>, <c>caOrder</c>, <c>caPrivateScalar</c>, <c>caCofactor</c> (capability <c>caEc</c>).
/// Integers use Java's <c>BigInteger.toByteArray</c> form (a leading 00 when the top bit is set), as the JMRTD applet expects.
/// </summary>
public sealed class ChipKeyMaterial
{
    private readonly Dictionary<string, byte[]> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _capabilities = new(StringComparer.Ordinal);

    public static ChipKeyMaterial From(ChipImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var material = new ChipKeyMaterial();
        string mrz = image.MrzInformation;
        var keys = BacKeys.FromMrzInformation(mrz);
        material._values["bacKeySeed"] = keys.Seed;
        // MRZ information = document number + cd, birth date (6) + cd, expiry date (6) + cd.
        material._values["documentNumber"] = Encoding.ASCII.GetBytes(mrz[..^15].TrimEnd('<'));
        material._values["dateOfBirth"] = Encoding.ASCII.GetBytes(mrz[^14..^8]);
        material._values["dateOfExpiry"] = Encoding.ASCII.GetBytes(mrz[^7..^1]);

        byte[] ca = image.Secrets.ChipAuthenticationPrivateKey;
        byte[] aa = image.Secrets.ActiveAuthenticationPrivateKey;
        if (ca.Length > 0)
        {
            material._values["caPrivateKey"] = ca;
            material._capabilities.Add("caKey");
            material.AddEcKey(ca);
        }
        if (aa.Length > 0)
        {
            material._values["aaPrivateKey"] = aa;
            material._capabilities.Add("aaKey");
            material.AddRsaKey(aa);
        }
        return material;
    }

    public bool Has(string capability) => _capabilities.Contains(capability);

    /// <exception cref="KeyNotFoundException">The placeholder is not known or not available for this card's keys.</exception>
    public byte[] this[string name] => _values.TryGetValue(name, out byte[]? value)
        ? value
        : throw new KeyNotFoundException($"Key-loading placeholder {{{name}}} is not available for this card; available: {string.Join(", ", _values.Keys.Order(StringComparer.Ordinal))}");

    private void AddRsaKey(byte[] pkcs8)
    {
        using var rsa = RSA.Create();
        try
        {
            rsa.ImportPkcs8PrivateKey(pkcs8, out _);
        }
        catch (CryptographicException)
        {
            return; // Not RSA: the RSA-only commands are skipped.
        }
        var p = rsa.ExportParameters(includePrivateParameters: true);
        _values["aaModulus"] = JavaInteger(p.Modulus!);
        _values["aaPrivateExponent"] = JavaInteger(p.D!);
        _capabilities.Add("aaRsa");
    }

    private void AddEcKey(byte[] pkcs8)
    {
        using var ec = ECDiffieHellman.Create();
        try
        {
            ec.ImportPkcs8PrivateKey(pkcs8, out _);
        }
        catch (CryptographicException)
        {
            return; // Not EC: the EC-only commands are skipped.
        }
        var p = ec.ExportExplicitParameters(includePrivateParameters: true);
        if (!p.Curve.IsPrime)
            return;
        _values["caPrime"] = JavaInteger(p.Curve.Prime!);
        _values["caA"] = JavaInteger(p.Curve.A!);
        _values["caB"] = JavaInteger(p.Curve.B!);
        _values["caGenerator"] = [0x04, .. p.Curve.G.X!, .. p.Curve.G.Y!];
        _values["caOrder"] = JavaInteger(p.Curve.Order!);
        _values["caPrivateScalar"] = JavaInteger(p.D!);
        byte[] cofactor = p.Curve.Cofactor!.SkipWhile(b => b == 0).ToArray();
        int k = cofactor.Aggregate(0, (acc, b) => acc << 8 | b);
        _values["caCofactor"] = [(byte)(k >> 8), (byte)k];
        _capabilities.Add("caEc");
    }

    /// <summary>Unsigned big-endian as Java's BigInteger.toByteArray writes it: minimal, with a 00 before a set top bit.</summary>
    private static byte[] JavaInteger(byte[] unsigned)
    {
        var trimmed = unsigned.SkipWhile(b => b == 0).ToArray();
        if (trimmed.Length == 0)
            return [0];
        return (trimmed[0] & 0x80) != 0 ? [0, .. trimmed] : trimmed;
    }
}
