using System.Security.Cryptography;
using Station.Personalization.Apdu;

namespace Station.Personalization.SecureMessaging;

/// <summary>
/// Chip side of Basic Access Control: answers GET CHALLENGE and EXTERNAL AUTHENTICATE and opens the
/// chip's end of the secure-messaging session. Used by the simulated chip; randomness is injected.
/// </summary>
public sealed class BacChipAuthenticator(BacKeys keys, RandomNumberGenerator random)
{
    private byte[]? _rndIc;

    /// <summary>RND.IC for GET CHALLENGE; it is valid for the next EXTERNAL AUTHENTICATE only.</summary>
    public byte[] GetChallenge()
    {
        _rndIc = new byte[BacCryptogram.ChallengeLength];
        random.GetBytes(_rndIc);
        return (byte[])_rndIc.Clone();
    }

    /// <summary>Checks the terminal's cryptogram and returns the chip's cryptogram with the new session.</summary>
    /// <exception cref="SecureMessagingException">No challenge was issued, the MAC is wrong, or RND.IC is not echoed.</exception>
    public (byte[] Response, SecureMessagingSession Session) ExternalAuthenticate(ReadOnlySpan<byte> commandData)
    {
        byte[] rndIc = _rndIc ?? throw new SecureMessagingException(StatusWord.ConditionsNotSatisfied, "EXTERNAL AUTHENTICATE without a preceding GET CHALLENGE");
        _rndIc = null;
        byte[] s = BacCryptogram.Open(keys, commandData, "terminal");
        if (!s.AsSpan(8, 8).SequenceEqual(rndIc))
            throw new SecureMessagingException(StatusWord.AuthenticationFailed, "BAC: the terminal's cryptogram does not echo RND.IC");

        byte[] rndIfd = s[..8];
        byte[] kIc = new byte[BacCryptogram.KeyMaterialLength];
        random.GetBytes(kIc);
        byte[] response = BacCryptogram.Create(keys, [.. rndIc, .. rndIfd, .. kIc]);
        return (response, BacCryptogram.StartSession(s.AsSpan(16, 16), kIc, rndIc, rndIfd));
    }
}
