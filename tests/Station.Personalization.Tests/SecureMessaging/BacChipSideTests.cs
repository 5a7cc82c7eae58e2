using Station.Personalization.Apdu;
using Station.Personalization.SecureMessaging;
using static Station.Personalization.Tests.SecureMessaging.AppendixD;

namespace Station.Personalization.Tests.SecureMessaging;

/// <summary>The chip side of Appendix D with injected RND.IC and K.IC: the chip answers exactly what the trace shows.</summary>
public class BacChipSideTests
{
    [Fact]
    public void Chip_answers_the_Appendix_D3_trace_and_protects_the_D4_responses()
    {
        var chip = new BacChipAuthenticator(BacKeys.FromMrzInformation(MrzInformation), new FixedRandom(RndIc, KIc));

        Assert.Equal(RndIc, Convert.ToHexString(chip.GetChallenge()));
        var (response, session) = chip.ExternalAuthenticate(Convert.FromHexString(CmdData));
        Assert.Equal(RespData, Convert.ToHexString(response));
        Assert.Equal(Ssc, Convert.ToHexString(session.Ssc));

        var select = session.UnprotectCommand(CommandApdu.Parse(Convert.FromHexString(ProtectedSelectEfCom)));
        Assert.Equal(SelectEfCom, Convert.ToHexString(select.ToBytes()));
        Assert.Equal(ProtectedSelectResponse, Convert.ToHexString(session.ProtectResponse(new ResponseApdu(StatusWord.Success)).ToBytes()));

        var read4 = session.UnprotectCommand(CommandApdu.Parse(Convert.FromHexString(ProtectedReadBinary4)));
        Assert.Equal(ReadBinary4, Convert.ToHexString(read4.ToBytes()));
        Assert.Equal(ProtectedReadBinary4Response, Convert.ToHexString(session.ProtectResponse(new ResponseApdu(Convert.FromHexString("60145F01"), StatusWord.Success)).ToBytes()));

        var read18 = session.UnprotectCommand(CommandApdu.Parse(Convert.FromHexString(ProtectedReadBinary18)));
        Assert.Equal(ReadBinary18, Convert.ToHexString(read18.ToBytes()));
        Assert.Equal(ProtectedReadBinary18Response, Convert.ToHexString(
            session.ProtectResponse(new ResponseApdu(Convert.FromHexString("04303130365F36063034303030305C026175"), StatusWord.Success)).ToBytes()));
    }

    [Fact]
    public void Chip_rejects_a_terminal_using_the_wrong_MRZ_key()
    {
        var chip = new BacChipAuthenticator(BacKeys.FromMrzInformation("L898902C<369080619406237"), new FixedRandom(RndIc, KIc));
        chip.GetChallenge();
        var e = Assert.Throws<SecureMessagingException>(() => chip.ExternalAuthenticate(Convert.FromHexString(CmdData)));
        Assert.Equal(StatusWord.AuthenticationFailed, e.StatusWord);
    }

    [Fact]
    public void Chip_rejects_EXTERNAL_AUTHENTICATE_without_a_challenge()
    {
        var chip = new BacChipAuthenticator(BacKeys.FromMrzInformation(MrzInformation), new FixedRandom());
        Assert.Throws<SecureMessagingException>(() => chip.ExternalAuthenticate(Convert.FromHexString(CmdData)));
    }

    [Fact]
    public void Chip_rejects_an_unprotected_command_after_BAC()
    {
        var chip = new BacChipAuthenticator(BacKeys.FromMrzInformation(MrzInformation), new FixedRandom(RndIc, KIc));
        chip.GetChallenge();
        var (_, session) = chip.ExternalAuthenticate(Convert.FromHexString(CmdData));
        var e = Assert.Throws<SecureMessagingException>(() => session.UnprotectCommand(CommandApdu.Parse(Convert.FromHexString(SelectEfCom))));
        Assert.Equal(StatusWord.SecureMessagingDataObjectsMissing, e.StatusWord);
    }
}
