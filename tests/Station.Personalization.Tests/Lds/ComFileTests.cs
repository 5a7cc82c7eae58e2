using Station.Personalization.Lds;

namespace Station.Personalization.Tests.Lds;

/// <summary>Vectors §4.3.</summary>
public class ComFileTests
{
    [Theory]
    [InlineData("0107", "040000", "6175766C", "60165F0104303130375F36063034303030305C046175766C")] // P10 A.1
    [InlineData("0106", "040000", "6175", "60145F0104303130365F36063034303030305C026175")] // P11 D.4
    [InlineData("0107", "040000", "6175636E", "60165F0104303130375F36063034303030305C046175636E")] // BSI2008
    [InlineData("0108", "040000", "617563766D6E", "60185F0104303130385F36063034303030305C06617563766D6E")] // GMRTD AES sample
    public void EncodesAndDecodesThePublishedFiles(string lds, string unicode, string tags, string expected)
    {
        var file = new ComFile(lds, unicode, Convert.FromHexString(tags));
        Assert.Equal(expected, Convert.ToHexString(file.Encode()));

        var decoded = ComFile.Decode(Convert.FromHexString(expected));
        Assert.Equal(lds, decoded.LdsVersion);
        Assert.Equal(unicode, decoded.UnicodeVersion);
        Assert.Equal(Convert.FromHexString(tags), decoded.DataGroupTags);
    }

    [Fact]
    public void ForDataGroupsUsesTheTableTags()
    {
        var file = ComFile.ForDataGroups([1, 2, 4, 12]);
        Assert.Equal("60165F0104303130375F36063034303030305C046175766C", Convert.ToHexString(file.Encode()));
        Assert.Equal([1, 2, 4, 12], file.DataGroups);
    }

    [Fact]
    public void VietnameseProfileTagList()
    {
        var file = ComFile.ForDataGroups([1, 2, 3, 13, 14, 15]);
        Assert.Equal("6175636D6E6F", Convert.ToHexString(file.DataGroupTags.ToArray()));
    }

    [Theory]
    [InlineData("61145F0104303130365F36063034303030305C026175", "EF.COM")]
    [InlineData("60145F0104303130365F36063034303030305C02", "EF.COM")]
    [InlineData("60145F01043031304A5F36063034303030305C026175", "4 digits")]
    [InlineData("60145F0104303130365F36063034303030305C026199", "0x99")]
    public void RejectsBadBytes(string hex, string expected)
    {
        var error = Assert.Throws<LdsFormatException>(() => ComFile.Decode(Convert.FromHexString(hex)));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
