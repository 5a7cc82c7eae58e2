using System.Security.Cryptography;

namespace Station.Personalization.SecureMessaging;

/// <summary>BAC/PACE 3DES secure messaging: two-key 3DES-CBC with a zero IV, retail MAC (Doc 9303 Part 11 §9.8.6.1).</summary>
public sealed class TripleDesSecureMessagingCipher : SecureMessagingCipher
{
    private readonly byte[] _encryptionKey;
    private readonly byte[] _macKey;

    public TripleDesSecureMessagingCipher(byte[] encryptionKey, byte[] macKey)
    {
        ArgumentNullException.ThrowIfNull(encryptionKey);
        ArgumentNullException.ThrowIfNull(macKey);
        if (encryptionKey.Length != 16 || macKey.Length != 16)
            throw new ArgumentException($"3DES secure messaging keys must be 16 bytes each, got {encryptionKey.Length} and {macKey.Length}");
        (_encryptionKey, _macKey) = (encryptionKey, macKey);
    }

    public override int BlockSize => 8;

    public override byte[] Encrypt(ReadOnlySpan<byte> ssc, ReadOnlySpan<byte> paddedData) => EncryptCbc(_encryptionKey, paddedData);

    public override byte[] Decrypt(ReadOnlySpan<byte> ssc, ReadOnlySpan<byte> encrypted)
    {
        return DecryptCbc(_encryptionKey, encrypted);
    }

    public override byte[] Mac(ReadOnlySpan<byte> paddedInput) => RetailMac.Compute(_macKey, paddedInput);

    /// <summary>3DES-CBC with IV = 0 and no padding, as used for the BAC cryptograms.</summary>
    public static byte[] EncryptCbc(byte[] key, ReadOnlySpan<byte> data)
    {
        using var des = TripleDES.Create();
        des.Key = ThreeKeyForm(key);
        return des.EncryptCbc(data, new byte[8], PaddingMode.None);
    }

    public static byte[] DecryptCbc(byte[] key, ReadOnlySpan<byte> data)
    {
        using var des = TripleDES.Create();
        des.Key = ThreeKeyForm(key);
        return des.DecryptCbc(data, new byte[8], PaddingMode.None);
    }

    /// <summary>OpenSSL 3 accepts only 24-byte 3DES keys; two-key 3DES is K1 ‖ K2 ‖ K1.</summary>
    private static byte[] ThreeKeyForm(byte[] key) => key.Length == 16 ? [.. key, .. key.AsSpan(0, 8)] : key;
}
