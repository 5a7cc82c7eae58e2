namespace Station.Personalization.SecureMessaging;

/// <summary>DES keys carry odd parity in the low bit of each byte; Doc 9303 keys are parity-adjusted (vectors §6.2).</summary>
public static class DesParity
{
    public static void Adjust(Span<byte> key)
    {
        for (int i = 0; i < key.Length; i++)
        {
            int b = key[i] & 0xFE;
            bool evenOnes = (System.Numerics.BitOperations.PopCount((uint)b) & 1) == 0;
            key[i] = (byte)(evenOnes ? b | 1 : b);
        }
    }
}
