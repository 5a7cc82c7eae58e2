using Station.Personalization.Lds;

namespace Station.Personalization.Tests.Lds;

/// <summary>Vectors §4.4 (Part 10 Table 38).</summary>
public class LdsTagsTests
{
    [Theory]
    [InlineData(1, 0x0101, 0x01, 0x61)]
    [InlineData(2, 0x0102, 0x02, 0x75)]
    [InlineData(3, 0x0103, 0x03, 0x63)]
    [InlineData(4, 0x0104, 0x04, 0x76)]
    [InlineData(11, 0x010B, 0x0B, 0x6B)]
    [InlineData(13, 0x010D, 0x0D, 0x6D)]
    [InlineData(14, 0x010E, 0x0E, 0x6E)]
    [InlineData(15, 0x010F, 0x0F, 0x6F)]
    [InlineData(16, 0x0110, 0x10, 0x70)]
    public void DataGroups(int number, int fid, int sfi, int tag)
    {
        var info = LdsTags.DataGroup(number);
        Assert.Equal($"DG{number}", info.Name);
        Assert.Equal((ushort)fid, info.Fid);
        Assert.Equal((byte)sfi, info.Sfi);
        Assert.Equal((byte)tag, info.Tag);
        Assert.Same(info, LdsTags.DataGroupByTag((byte)tag));
    }

    [Fact]
    public void ComSodAndApplication()
    {
        Assert.Equal(new LdsFileInfo("COM", 0x011E, 0x1E, 0x60, 0), LdsTags.Com);
        Assert.Equal(new LdsFileInfo("SOD", 0x011D, 0x1D, 0x77, 0), LdsTags.Sod);
        Assert.Equal("A0000002471001", Convert.ToHexString(LdsTags.ApplicationId));
        Assert.Null(LdsTags.DataGroupByTag(0x60));
    }

    [Fact]
    public void UnknownDataGroupNumber() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => LdsTags.DataGroup(17));

    [Fact]
    public void FilesKnowTheirChipIdentity()
    {
        var com = ComFile.ForDataGroups([1, 13]).ToLdsFile();
        Assert.Equal((0x011E, "COM"), (com.Fid, com.Name));
        Assert.Equal(0x60, com.Content[0]);

        var dg1 = new Dg1File(new string('<', 90)).ToLdsFile();
        Assert.Equal((0x0101, "DG1"), (dg1.Fid, dg1.Name));

        var dg13 = new Dg13File().ToLdsFile();
        Assert.Equal((0x010D, "DG13"), (dg13.Fid, dg13.Name));
        Assert.Equal(0x6D, dg13.Content[0]);
    }
}
