using System.Security.Cryptography;

namespace Station.Personalization.SecureMessaging;

/// <summary>PACE/CA AES secure messaging: AES-CBC with IV = E(KSEnc, SSC), AES-CMAC truncated to 8 bytes (Doc 9303 Part 11 §9.8.6.2).</summary>
public sealed class AesSecureMessagingCipher : SecureMessagingCipher, IDisposable
{
    private readonly Aes _aes;
    private readonly byte[] _macKey;

    public AesSecureMessagingCipher(byte[] encryptionKey, byte[] macKey)
    {
        ArgumentNullException.ThrowIfNull(encryptionKey);
        ArgumentNullException.ThrowIfNull(macKey);
        _aes = Aes.Create();
        _aes.Key = encryptionKey;
        _macKey = macKey;
    }

    public override int BlockSize => 16;

    public override byte[] Encrypt(ReadOnlySpan<byte> ssc, ReadOnlySpan<byte> paddedData) =>
        _aes.EncryptCbc(paddedData, Iv(ssc), PaddingMode.None);

    public override byte[] Decrypt(ReadOnlySpan<byte> ssc, ReadOnlySpan<byte> encrypted) =>
        _aes.DecryptCbc(encrypted, Iv(ssc), PaddingMode.None);

    public override byte[] Mac(ReadOnlySpan<byte> paddedInput) => AesCmac.Compute(_macKey, paddedInput)[..8];

    public void Dispose() => _aes.Dispose();

    private byte[] Iv(ReadOnlySpan<byte> ssc) => _aes.EncryptEcb(ssc, PaddingMode.None);
}
