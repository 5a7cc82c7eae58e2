using Station.Personalization.Signing;
using Station.Personalization.Tests.TestSupport;

namespace Station.Personalization.Tests.Signing;

public class EcdsaSignatureEncodingTests
{
    [Fact]
    public void Raw_halves_with_leading_zeros_and_high_bits_become_minimal_DER_and_back()
    {
        // r = 00 00 01 02 (leading zeros dropped), s = 80 00 00 01 (high bit: a 00 is prepended).
        byte[] raw = Hex.Bytes("00000102" + "80000001");

        byte[] der = EcdsaSignatureEncoding.RawToDer(raw);

        Assert.Equal("300B0202010202050080000001", Hex.Of(der));
        Assert.Equal(raw, EcdsaSignatureEncoding.DerToRaw(der, 4));
    }

    [Fact]
    public void Odd_length_raw_signature_is_refused()
    {
        Assert.Throws<FormatException>(() => EcdsaSignatureEncoding.RawToDer(new byte[63]));
    }
}
