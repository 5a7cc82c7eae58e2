using System.Security.Cryptography;

namespace Station.Personalization.SecureMessaging;

/// <summary>
/// AES-CMAC (RFC 4493 / NIST SP 800-38B). .NET has no CMAC, and this is small enough to own:
/// a CBC-MAC over AES-ECB with the two derived subkeys. Tested with the RFC 4493 vectors.
/// </summary>
public static class AesCmac
{
    private const int BlockSize = 16;
    private const byte Rb = 0x87;

    public static byte[] Compute(ReadOnlySpan<byte> key, ReadOnlySpan<byte> message)
    {
        using var aes = Aes.Create();
        aes.Key = key.ToArray();
        byte[] l = aes.EncryptEcb(new byte[BlockSize], PaddingMode.None);
        byte[] k1 = DoubleInField(l);
        byte[] k2 = DoubleInField(k1);

        int blocks = Math.Max(1, (message.Length + BlockSize - 1) / BlockSize);
        bool complete = message.Length > 0 && message.Length % BlockSize == 0;
        byte[] last = new byte[BlockSize];
        var lastSource = message[((blocks - 1) * BlockSize)..];
        lastSource.CopyTo(last);
        if (complete)
        {
            Xor(last, k1);
        }
        else
        {
            last[lastSource.Length] = 0x80;
            Xor(last, k2);
        }

        byte[] x = new byte[BlockSize];
        for (int i = 0; i < blocks - 1; i++)
        {
            Xor(x, message.Slice(i * BlockSize, BlockSize));
            x = aes.EncryptEcb(x, PaddingMode.None);
        }
        Xor(x, last);
        return aes.EncryptEcb(x, PaddingMode.None);
    }

    /// <summary>Multiplication by x in GF(2^128): shift left one bit, fold the carry back with Rb.</summary>
    private static byte[] DoubleInField(byte[] block)
    {
        byte[] result = new byte[BlockSize];
        for (int i = 0; i < BlockSize; i++)
            result[i] = (byte)(block[i] << 1 | (i + 1 < BlockSize ? block[i + 1] >> 7 : 0));
        if ((block[0] & 0x80) != 0)
            result[BlockSize - 1] ^= Rb;
        return result;
    }

    private static void Xor(Span<byte> target, ReadOnlySpan<byte> other)
    {
        for (int i = 0; i < target.Length; i++)
            target[i] ^= other[i];
    }
}
