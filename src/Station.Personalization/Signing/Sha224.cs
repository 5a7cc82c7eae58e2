using System.Runtime.CompilerServices;
using Org.BouncyCastle.Crypto.Digests;

namespace Station.Personalization.Signing;

/// <summary>SHA-224, which .NET does not provide; some foreign SODs use it. BouncyCastle is used only here and in <c>Sha224RsaVerifier</c>.</summary>
internal static class Sha224
{
    // Not inlined: the JIT would load BouncyCastle (1.3 MB resident) into every card's hashing path to look inside.
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        var digest = new Sha224Digest();
        digest.BlockUpdate(data);
        var result = new byte[digest.GetDigestSize()];
        digest.DoFinal(result, 0);
        return result;
    }
}
