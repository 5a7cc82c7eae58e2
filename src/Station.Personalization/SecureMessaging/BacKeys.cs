using System.Security.Cryptography;
using System.Text;

namespace Station.Personalization.SecureMessaging;

/// <summary>The BAC key pair (and the 16-byte seed they come from), Doc 9303 Part 11 §9.7 and Appendix D.1/D.2.</summary>
public sealed record BacKeys(byte[] Seed, byte[] Encryption, byte[] Mac)
{
    /// <summary>
    /// From the MRZ information: document number, date of birth and date of expiry, each followed by its
    /// check digit (e.g. <c>L898902C&lt;369080619406236</c>).
    /// </summary>
    /// <exception cref="ArgumentException">Empty or containing characters outside the MRZ set.</exception>
    public static BacKeys FromMrzInformation(string mrzInformation)
    {
        ArgumentNullException.ThrowIfNull(mrzInformation);
        if (mrzInformation.Length < 15 || !mrzInformation.All(c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '<'))
            throw new ArgumentException(
                $"MRZ information '{mrzInformation}' must be document number, birth date and expiry date with check digits (at least 15 characters of A-Z, 0-9, <)",
                nameof(mrzInformation));
        byte[] seed = SHA1.HashData(Encoding.ASCII.GetBytes(mrzInformation))[..16];
        return FromSeed(seed);
    }

    /// <summary>From a 16-byte key seed (the MRZ-derived Kseed, or K.IFD ⊕ K.IC for the session keys).</summary>
    public static BacKeys FromSeed(byte[] seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        if (seed.Length != 16)
            throw new ArgumentException($"BAC key seed must be 16 bytes, got {seed.Length}", nameof(seed));
        return new BacKeys(seed,
            KeyDerivation.Derive3DesKey(seed, KeyDerivation.EncryptionCounter),
            KeyDerivation.Derive3DesKey(seed, KeyDerivation.MacCounter));
    }
}
