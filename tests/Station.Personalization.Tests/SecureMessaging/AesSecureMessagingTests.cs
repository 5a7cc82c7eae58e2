using Station.Personalization.Apdu;
using Station.Personalization.SecureMessaging;

namespace Station.Personalization.Tests.SecureMessaging;

/// <summary>AES secure messaging, vectors §2.4 (GMRTD nfc_session_test.go and TestSecureMessageEncode, recomputed).</summary>
public class AesSecureMessagingTests
{
    private const string KsEnc = "74B94F408BBB2CD92571FD5B6370A94CCE7A2FA42AE3EB4DA47B97CE6EAA24C6";
    private const string KsMac = "9E28D5D9FF1D979BE752E8926BF0E1D35A440FC0AEFC4AA3BC5610055AC8B113";

    [Fact]
    public void Reads_EF_COM_with_AES_256_secure_messaging()
    {
        using var cipher = new AesSecureMessagingCipher(Convert.FromHexString(KsEnc), Convert.FromHexString(KsMac));
        var session = new SecureMessagingSession(cipher, Convert.FromHexString("00000000000000000000000000000020"));

        Assert.Equal("0CA4020C1D8711011D35E7EB510E21A0DD12380D9AD2B92D8E0828CB68B81D3FAFC000", Protect(session, "00A4020C02011E"));
        Assert.Equal(StatusWord.Success, Unprotect(session, "990290008E08E083EAA61ADABFCE9000").StatusWord);

        Assert.Equal("0CB000000D9701048E084AFC933E0CDBE5F000", Protect(session, "00B0000004"));
        Assert.Equal("60185F01", Convert.ToHexString(Unprotect(session, "871101D8059A9CF835105082CA2B1837E4AEC0990290008E08B36DB56761D706BB9000").Data));

        Assert.Equal("0CB000040D9701168E0811F7EFC907D1F27400", Protect(session, "00B0000416"));
        Assert.Equal("04303130385F36063034303030305C06617563766D6E", Convert.ToHexString(
            Unprotect(session, "87210142E919C115FAF69350B01813D77A9E8D91912A7F717AFD073F199070E61B79C6990290008E083382E3D983F441369000").Data));

        Assert.Equal("00000000000000000000000000000026", Convert.ToHexString(session.Ssc));
    }

    [Fact]
    public void Protects_MSE_Set_AT_with_AES_128()
    {
        using var cipher = new AesSecureMessagingCipher(Convert.FromHexString("CC86415F2ED7E8FD663B754265695AE1"), Convert.FromHexString("581E84B8EE06C4D3EEE30461498D7FB3"));
        var session = new SecureMessagingSession(cipher, Convert.FromHexString("000000000000000000000000000000BA"));

        var mse = new CommandApdu(0x00, 0x22, 0x41, 0xA4, Convert.FromHexString("800A04007F000702020302028401C3"));
        Assert.Equal("0C2241A41D871101980953D37F67558690045D78A853B18A8E08929767A2CEF172E200", Convert.ToHexString(session.ProtectCommand(mse).ToBytes()));
    }

    [Fact]
    public void Chip_side_round_trip_with_AES()
    {
        using var terminalCipher = new AesSecureMessagingCipher(Convert.FromHexString(KsEnc), Convert.FromHexString(KsMac));
        using var chipCipher = new AesSecureMessagingCipher(Convert.FromHexString(KsEnc), Convert.FromHexString(KsMac));
        var terminal = new SecureMessagingSession(terminalCipher, new byte[16]);
        var chip = new SecureMessagingSession(chipCipher, new byte[16]);
        var update = new CommandApdu(0x00, Instruction.UpdateBinary, 0, 0, Enumerable.Range(0, 1000).Select(i => (byte)i).ToArray());

        var plain = chip.UnprotectCommand(terminal.ProtectCommand(update));
        Assert.Equal(update.ToBytes(), plain.ToBytes());
        var answer = terminal.UnprotectResponse(chip.ProtectResponse(new ResponseApdu([1, 2, 3], StatusWord.Success)));
        Assert.Equal([1, 2, 3], answer.Data);
    }

    private static string Protect(SecureMessagingSession session, string plain) =>
        Convert.ToHexString(session.ProtectCommand(CommandApdu.Parse(Convert.FromHexString(plain))).ToBytes());

    private static ResponseApdu Unprotect(SecureMessagingSession session, string response) =>
        session.UnprotectResponse(ResponseApdu.Parse(Convert.FromHexString(response)));
}
