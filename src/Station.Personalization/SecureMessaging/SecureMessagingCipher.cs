namespace Station.Personalization.SecureMessaging;

/// <summary>The cipher suite of a secure-messaging channel: how data is encrypted under the SSC and how the MAC is computed.</summary>
public abstract class SecureMessagingCipher
{
    /// <summary>Cipher block size; also the SSC length and the padding block.</summary>
    public abstract int BlockSize { get; }

    /// <summary>Encrypts already padded data for the given SSC.</summary>
    public abstract byte[] Encrypt(ReadOnlySpan<byte> ssc, ReadOnlySpan<byte> paddedData);

    /// <summary>Decrypts data for the given SSC (the result still carries its padding).</summary>
    public abstract byte[] Decrypt(ReadOnlySpan<byte> ssc, ReadOnlySpan<byte> encrypted);

    /// <summary>The 8-byte MAC over an already padded input (SSC included).</summary>
    public abstract byte[] Mac(ReadOnlySpan<byte> paddedInput);
}
