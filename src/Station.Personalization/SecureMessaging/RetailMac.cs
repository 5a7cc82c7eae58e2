using System.Security.Cryptography;

namespace Station.Personalization.SecureMessaging;

/// <summary>
/// ISO/IEC 9797-1 MAC algorithm 3 ("retail MAC") with a two-key 3DES key: single-DES CBC under Ka, then
/// decrypt with Kb and encrypt with Ka on the last block. The input must already be padded (vectors §6.1).
/// </summary>
public static class RetailMac
{
    public static byte[] Compute(ReadOnlySpan<byte> key, ReadOnlySpan<byte> paddedData)
    {
        if (key.Length != 16)
            throw new ArgumentException($"Retail MAC key must be 16 bytes, got {key.Length}", nameof(key));
        if (paddedData.Length == 0 || paddedData.Length % 8 != 0)
            throw new ArgumentException($"Retail MAC input must be padded to 8-byte blocks, got {paddedData.Length} bytes", nameof(paddedData));
        using var ka = DES.Create();
        ka.Key = key[..8].ToArray();
        using var kb = DES.Create();
        kb.Key = key[8..].ToArray();
        byte[] h = ka.EncryptCbc(paddedData, new byte[8], PaddingMode.None)[^8..];
        return ka.EncryptEcb(kb.DecryptEcb(h, PaddingMode.None), PaddingMode.None);
    }
}
