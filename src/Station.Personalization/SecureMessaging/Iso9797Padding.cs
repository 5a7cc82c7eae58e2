namespace Station.Personalization.SecureMessaging;

/// <summary>ISO/IEC 9797-1 padding method 2: append 80, then 00 up to the block size (always at least one byte).</summary>
public static class Iso9797Padding
{
    public static byte[] Pad(ReadOnlySpan<byte> data, int blockSize)
    {
        int length = (data.Length / blockSize + 1) * blockSize;
        byte[] padded = new byte[length];
        data.CopyTo(padded);
        padded[data.Length] = 0x80;
        return padded;
    }

    /// <exception cref="SecureMessagingException">No 80 marker where padding must end.</exception>
    public static byte[] Unpad(ReadOnlySpan<byte> padded)
    {
        int i = padded.Length - 1;
        while (i >= 0 && padded[i] == 0x00)
            i--;
        if (i < 0 || padded[i] != 0x80)
            throw new SecureMessagingException(Apdu.StatusWord.SecureMessagingDataObjectsIncorrect, "Decrypted data has no ISO 9797-1 padding (80 00..)");
        return padded[..i].ToArray();
    }
}
