using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Station.Personalization.SecureMessaging;

/// <summary>Doc 9303 Part 11 §9.7.1 key derivation: KDF(K, c) = H(K ‖ c).</summary>
public static class KeyDerivation
{
    public const uint EncryptionCounter = 1;
    public const uint MacCounter = 2;
    public const uint PasswordCounter = 3;

    /// <summary>Two-key 3DES key: SHA-1(K ‖ c)[0..15] with DES parity set.</summary>
    public static byte[] Derive3DesKey(ReadOnlySpan<byte> sharedSecret, uint counter)
    {
        byte[] key = Hash(sharedSecret, counter, SHA1.HashData)[..16];
        DesParity.Adjust(key);
        return key;
    }

    /// <summary>AES key of 128 (SHA-1), 192 or 256 bits (SHA-256).</summary>
    public static byte[] DeriveAesKey(ReadOnlySpan<byte> sharedSecret, uint counter, int keyBits) => keyBits switch
    {
        128 => Hash(sharedSecret, counter, SHA1.HashData)[..16],
        192 => Hash(sharedSecret, counter, SHA256.HashData)[..24],
        256 => Hash(sharedSecret, counter, SHA256.HashData),
        _ => throw new ArgumentOutOfRangeException(nameof(keyBits), $"AES key size {keyBits} is not 128, 192 or 256"),
    };

    private static byte[] Hash(ReadOnlySpan<byte> secret, uint counter, Func<byte[], byte[]> hash)
    {
        byte[] input = new byte[secret.Length + 4];
        secret.CopyTo(input);
        BinaryPrimitives.WriteUInt32BigEndian(input.AsSpan(secret.Length), counter);
        return hash(input);
    }
}
