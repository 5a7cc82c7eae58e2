using System.Security.Cryptography;

namespace Station.Personalization.SecureMessaging;

/// <summary>The BAC mutual-authentication cryptogram (Doc 9303 Part 11 §4.3.3): E = 3DES-CBC(KEnc, S) followed by M = MAC(KMAC, E).</summary>
internal static class BacCryptogram
{
    public const int ChallengeLength = 8;
    public const int KeyMaterialLength = 16;
    public const int Length = 40;

    public static byte[] Create(BacKeys keys, ReadOnlySpan<byte> plain)
    {
        byte[] encrypted = TripleDesSecureMessagingCipher.EncryptCbc(keys.Encryption, plain);
        return [.. encrypted, .. RetailMac.Compute(keys.Mac, Iso9797Padding.Pad(encrypted, 8))];
    }

    /// <exception cref="SecureMessagingException">Wrong length or a MAC that does not match (wrong MRZ key).</exception>
    public static byte[] Open(BacKeys keys, ReadOnlySpan<byte> cryptogram, string side)
    {
        if (cryptogram.Length != Length)
            throw new SecureMessagingException(Apdu.StatusWord.WrongLength, $"BAC {side} cryptogram must be {Length} bytes, got {cryptogram.Length}");
        var encrypted = cryptogram[..32];
        byte[] mac = RetailMac.Compute(keys.Mac, Iso9797Padding.Pad(encrypted, 8));
        if (!CryptographicOperations.FixedTimeEquals(mac, cryptogram[32..]))
            throw new SecureMessagingException(Apdu.StatusWord.AuthenticationFailed, $"BAC {side} cryptogram MAC does not match: wrong MRZ key?");
        return TripleDesSecureMessagingCipher.DecryptCbc(keys.Encryption, encrypted);
    }

    /// <summary>Session keys from K.IFD ⊕ K.IC and SSC = RND.IC[4..7] ‖ RND.IFD[4..7].</summary>
    public static SecureMessagingSession StartSession(ReadOnlySpan<byte> kIfd, ReadOnlySpan<byte> kIc, ReadOnlySpan<byte> rndIc, ReadOnlySpan<byte> rndIfd)
    {
        byte[] seed = new byte[KeyMaterialLength];
        for (int i = 0; i < seed.Length; i++)
            seed[i] = (byte)(kIfd[i] ^ kIc[i]);
        var sessionKeys = BacKeys.FromSeed(seed);
        byte[] ssc = [.. rndIc[4..8], .. rndIfd[4..8]];
        return new SecureMessagingSession(new TripleDesSecureMessagingCipher(sessionKeys.Encryption, sessionKeys.Mac), ssc);
    }
}
