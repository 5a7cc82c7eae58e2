using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using BigInteger = Org.BouncyCastle.Math.BigInteger;

namespace Station.Personalization.Verification;

/// <summary>RSA signatures over SHA-224, which .NET's RSA does not accept as a hash algorithm; BouncyCastle does the check.</summary>
internal static class Sha224RsaVerifier
{
    // Not inlined: looking inside would load BouncyCastle into every card's read-back check (see Signing/Sha224).
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static bool Verify(RSA publicKey, byte[] signedBytes, byte[] signature, bool pss)
    {
        var parameters = publicKey.ExportParameters(false);
        var key = new RsaKeyParameters(false, new BigInteger(1, parameters.Modulus), new BigInteger(1, parameters.Exponent));
        Org.BouncyCastle.Crypto.ISigner signer = pss
            ? new PssSigner(new RsaBlindedEngine(), new Sha224Digest(), 28)
            : new RsaDigestSigner(new Sha224Digest());
        signer.Init(false, key);
        signer.BlockUpdate(signedBytes, 0, signedBytes.Length);
        return signer.VerifySignature(signature);
    }
}
