using Station.Personalization.Apdu;
using Station.Personalization.SecureMessaging;
using Station.Personalization.Tests.Apdu;
using static Station.Personalization.Tests.SecureMessaging.AppendixD;

namespace Station.Personalization.Tests.SecureMessaging;

/// <summary>The terminal side of Appendix D, byte for byte: D.3 mutual authentication and the D.4 protected APDUs.</summary>
public class BacTerminalTests
{
    [Fact]
    public async Task Mutual_authentication_sends_the_Appendix_D3_EXTERNAL_AUTHENTICATE_and_starts_SSC_887022120C06C226()
    {
        var card = new ScriptedCard(
            (GetChallenge, GetChallengeResponse),
            (ExternalAuthenticate, RespData + "9000"));
        var bac = new BacAuthenticator(new FixedRandom(RndIfd, KIfd));

        var session = await bac.AuthenticateAsync(card, BacKeys.FromMrzInformation(MrzInformation), CancellationToken.None);

        card.AssertFinished();
        Assert.Equal(Ssc, Convert.ToHexString(session.Ssc));
        // The session keys are proven by the next protected APDU matching D.4 exactly.
        Assert.Equal(ProtectedSelectEfCom, Convert.ToHexString(session.ProtectCommand(CommandApdu.Parse(Convert.FromHexString(SelectEfCom))).ToBytes()));
    }

    [Fact]
    public async Task Mutual_authentication_fails_clearly_with_the_wrong_MRZ_key()
    {
        // The chip answers with the Appendix D cryptogram, made with the right key; the terminal holds another.
        var card = new RecordingCard(GetChallengeResponse, RespData + "9000");
        var bac = new BacAuthenticator(new FixedRandom(RndIfd, KIfd));

        var e = await Assert.ThrowsAsync<SecureMessagingException>(() =>
            bac.AuthenticateAsync(card, BacKeys.FromMrzInformation("L898902C<369080619406237"), CancellationToken.None));
        Assert.Contains("wrong MRZ key", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chip_refusal_of_EXTERNAL_AUTHENTICATE_is_an_ApduException_with_its_status_word()
    {
        var recording = new RecordingCard(GetChallengeResponse, "6300");
        var bac = new BacAuthenticator(new FixedRandom(RndIfd, KIfd));
        var e = await Assert.ThrowsAsync<ApduException>(() => bac.AuthenticateAsync(recording, BacKeys.FromMrzInformation(MrzInformation), CancellationToken.None));
        Assert.Equal(StatusWord.AuthenticationFailed, e.StatusWord);
    }

    [Fact]
    public void Appendix_D4_protects_and_unprotects_every_APDU_and_response()
    {
        var session = NewSession();

        Assert.Equal(ProtectedSelectEfCom, Protect(session, SelectEfCom));
        Assert.Equal("887022120C06C227", Convert.ToHexString(session.Ssc));
        var select = session.UnprotectResponse(ResponseApdu.Parse(Convert.FromHexString(ProtectedSelectResponse)));
        Assert.Equal(StatusWord.Success, select.StatusWord);
        Assert.Empty(select.Data);
        Assert.Equal("887022120C06C228", Convert.ToHexString(session.Ssc));

        Assert.Equal(ProtectedReadBinary4, Protect(session, ReadBinary4));
        var read4 = session.UnprotectResponse(ResponseApdu.Parse(Convert.FromHexString(ProtectedReadBinary4Response)));
        Assert.Equal("60145F01", Convert.ToHexString(read4.Data));
        Assert.Equal("887022120C06C22A", Convert.ToHexString(session.Ssc));

        Assert.Equal(ProtectedReadBinary18, Protect(session, ReadBinary18));
        var read18 = session.UnprotectResponse(ResponseApdu.Parse(Convert.FromHexString(ProtectedReadBinary18Response)));
        Assert.Equal("04303130365F36063034303030305C026175", Convert.ToHexString(read18.Data));
        Assert.Equal("887022120C06C22C", Convert.ToHexString(session.Ssc));
    }

    [Fact]
    public void A_tampered_response_MAC_is_rejected()
    {
        var session = NewSession();
        Protect(session, SelectEfCom);
        byte[] tampered = Convert.FromHexString(ProtectedSelectResponse);
        tampered[^3] ^= 0x01;
        var e = Assert.Throws<SecureMessagingException>(() => session.UnprotectResponse(ResponseApdu.Parse(tampered)));
        Assert.Equal(StatusWord.SecureMessagingDataObjectsIncorrect, e.StatusWord);
    }

    [Fact]
    public async Task The_transport_wrapper_reads_EF_COM_through_secure_messaging()
    {
        var card = new ScriptedCard(
            (ProtectedSelectEfCom, ProtectedSelectResponse),
            (ProtectedReadBinary4, ProtectedReadBinary4Response),
            (ProtectedReadBinary18, ProtectedReadBinary18Response));
        var sm = new SecureMessagingTransport(card, NewSession());

        (await sm.SendAsync(CommandApdu.Parse(Convert.FromHexString(SelectEfCom)), CancellationToken.None)).EnsureSuccess("SELECT");
        var head = await sm.SendAsync(CommandApdu.Parse(Convert.FromHexString(ReadBinary4)), CancellationToken.None);
        var rest = await sm.SendAsync(CommandApdu.Parse(Convert.FromHexString(ReadBinary18)), CancellationToken.None);

        Assert.Equal(EfCom, Convert.ToHexString([.. head.Data, .. rest.Data]));
        card.AssertFinished();
        Assert.Equal(231, sm.MaxResponseDataLength);
    }

    private static SecureMessagingSession NewSession() =>
        new(new TripleDesSecureMessagingCipher(Convert.FromHexString(KsEnc), Convert.FromHexString(KsMac)), Convert.FromHexString(Ssc));

    private static string Protect(SecureMessagingSession session, string plain) =>
        Convert.ToHexString(session.ProtectCommand(CommandApdu.Parse(Convert.FromHexString(plain))).ToBytes());

    /// <summary>Test double: answers with fixed responses whatever is sent.</summary>
    private sealed class RecordingCard(params string[] responses) : IApduTransport
    {
        private int _next;
        public int MaxCommandDataLength => 255;
        public int MaxResponseDataLength => 256;
        public Task<byte[]> TransmitAsync(ReadOnlyMemory<byte> command, CancellationToken cancellationToken) =>
            Task.FromResult(Convert.FromHexString(responses[_next++]));
    }
}
