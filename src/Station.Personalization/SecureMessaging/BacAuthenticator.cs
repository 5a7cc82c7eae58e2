using System.Security.Cryptography;
using Station.Personalization.Apdu;

namespace Station.Personalization.SecureMessaging;

/// <summary>
/// Terminal side of Basic Access Control (Doc 9303 Part 11 §4.3, Appendix D.3): GET CHALLENGE,
/// EXTERNAL AUTHENTICATE with the MRZ-derived keys, then a 3DES secure-messaging session.
/// Randomness is injected so the Appendix D trace can be replayed exactly.
/// </summary>
public sealed class BacAuthenticator(RandomNumberGenerator random)
{
    /// <exception cref="SecureMessagingException">The chip's answer does not authenticate (wrong MRZ key, not the same challenge).</exception>
    /// <exception cref="ApduException">The chip refused GET CHALLENGE or EXTERNAL AUTHENTICATE (e.g. 6300 for a wrong key).</exception>
    public async Task<SecureMessagingSession> AuthenticateAsync(IApduTransport card, BacKeys keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(keys);

        var challenge = await card.SendAsync(
            new CommandApdu(0x00, Instruction.GetChallenge, 0, 0, ne: BacCryptogram.ChallengeLength), cancellationToken).ConfigureAwait(false);
        byte[] rndIc = challenge.EnsureSuccess("GET CHALLENGE").Data;
        if (rndIc.Length != BacCryptogram.ChallengeLength)
            throw new SecureMessagingException(StatusWord.WrongLength, $"GET CHALLENGE returned {rndIc.Length} bytes, expected {BacCryptogram.ChallengeLength}");

        byte[] rndIfd = new byte[BacCryptogram.ChallengeLength];
        byte[] kIfd = new byte[BacCryptogram.KeyMaterialLength];
        random.GetBytes(rndIfd);
        random.GetBytes(kIfd);

        byte[] cmdData = BacCryptogram.Create(keys, [.. rndIfd, .. rndIc, .. kIfd]);
        var answer = await card.SendAsync(
            new CommandApdu(0x00, Instruction.ExternalAuthenticate, 0, 0, cmdData, BacCryptogram.Length), cancellationToken).ConfigureAwait(false);
        byte[] r = BacCryptogram.Open(keys, answer.EnsureSuccess("EXTERNAL AUTHENTICATE").Data, "chip");

        if (!r.AsSpan(0, 8).SequenceEqual(rndIc) || !r.AsSpan(8, 8).SequenceEqual(rndIfd))
            throw new SecureMessagingException(StatusWord.AuthenticationFailed, "BAC: the chip's cryptogram does not echo RND.IC and RND.IFD");
        return BacCryptogram.StartSession(kIfd, r.AsSpan(16, 16), rndIc, rndIfd);
    }
}
