using Station.Personalization.SecureMessaging;

namespace Station.Personalization.Tests.SecureMessaging;

/// <summary>Doc 9303 Part 11 Appendix D.1/D.2 (vectors §2.1).</summary>
public class BacKeyDerivationTests
{
    [Fact]
    public void Derives_the_Appendix_D_key_seed_and_keys_from_the_MRZ_information()
    {
        var keys = BacKeys.FromMrzInformation("L898902C<369080619406236");

        Assert.Equal("239AB9CB282DAF66231DC5A4DF6BFBAE", Convert.ToHexString(keys.Seed));
        Assert.Equal("AB94FDECF2674FDFB9B391F85D7F76F2", Convert.ToHexString(keys.Encryption));
        Assert.Equal("7962D9ECE03D1ACD4C76089DCE131543", Convert.ToHexString(keys.Mac));
    }

    [Fact]
    public void Parity_adjustment_turns_the_raw_SHA1_halves_into_the_published_keys()
    {
        byte[] raw = Convert.FromHexString("AB94FCEDF2664EDFB9B291F85D7F77F2");
        DesParity.Adjust(raw);
        Assert.Equal("AB94FDECF2674FDFB9B391F85D7F76F2", Convert.ToHexString(raw));
    }

    [Fact]
    public void Session_keys_come_from_the_XOR_of_K_IFD_and_K_IC()
    {
        var session = BacKeys.FromSeed(Convert.FromHexString("0036D272F5C350ACAC50C3F572D23600"));
        Assert.Equal("979EC13B1CBFE9DCD01AB0FED307EAE5", Convert.ToHexString(session.Encryption));
        Assert.Equal("F1CB1F1FB5ADF208806B89DC579DC1F8", Convert.ToHexString(session.Mac));
    }

    [Fact]
    public void PACE_G1_session_keys_come_from_the_same_KDF_with_AES_128()
    {
        byte[] shared = Convert.FromHexString("28768D20701247DAE81804C9E780EDE582A9996DB4A315020B2733197DB84925");
        Assert.Equal("F5F0E35C0D7161EE6724EE513A0D9A7F", Convert.ToHexString(KeyDerivation.DeriveAesKey(shared, KeyDerivation.EncryptionCounter, 128)));
        Assert.Equal("FE251C7858B356B24514B3BD5F4297D1", Convert.ToHexString(KeyDerivation.DeriveAesKey(shared, KeyDerivation.MacCounter, 128)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("l898902c<369080619406236")]
    [InlineData("L898902C")]
    public void Rejects_bad_MRZ_information(string mrzInformation)
    {
        var e = Assert.Throws<ArgumentException>(() => BacKeys.FromMrzInformation(mrzInformation));
        Assert.Contains("MRZ information", e.Message, StringComparison.Ordinal);
    }
}
