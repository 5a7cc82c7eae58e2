using Station.Personalization.Lds;
using Station.Personalization.Lds.SecurityInfos;
using Station.Personalization.Tests.TestSupport;

namespace Station.Personalization.Tests.Lds;

public class CardAccessFileTests
{
    // icao-9303.md §3.1 (P11 G.1 / GMRTD).
    private const string PaceOnlyCardAccess = "31143012060A04007F0007020204020202010202010D";

    [Fact]
    public void Profile_card_access_equals_the_G1_vector()
    {
        Assert.Equal(PaceOnlyCardAccess, Hex.Of(CardAccessFile.ForProfile().Encode()));
    }

    [Fact]
    public void G1_vector_decodes_to_the_PACEInfo()
    {
        var decoded = CardAccessFile.Decode(Hex.Bytes(PaceOnlyCardAccess));

        var pace = Assert.IsType<PaceInfo>(Assert.Single(decoded.SecurityInfos));
        Assert.Equal("0.4.0.127.0.7.2.2.4.2.2", pace.Protocol);
        Assert.Equal(2, pace.Version);
        Assert.Equal(13, pace.ParameterId);
    }

    [Fact]
    public void Garbage_is_a_clear_error()
    {
        var error = Assert.Throws<FormatException>(() => CardAccessFile.Decode([0x30, 0x03, 0x02]));
        Assert.Contains("EF.CardAccess", error.Message, StringComparison.Ordinal);
    }
}
