using System.Security.Cryptography;
using Station.Personalization.Apdu;
using Station.Personalization.Inspection;
using Station.Personalization.Tests.ChipScripts;

namespace Station.Personalization.Tests.Inspection;

public class ChipReaderTests
{
    private static readonly byte[] Com = Convert.FromHexString(TestChipImages.EfComHex); // lists DG1 and DG2
    private static readonly byte[] Dg1 = Convert.FromHexString(TestChipImages.Dg1Hex);
    private static readonly byte[] Dg2 = TestChipImages.SyntheticDataGroup(0x75, 1500);
    private static readonly byte[] Sod = TestSod.Build(new Dictionary<int, byte[]> { [1] = Dg1, [2] = Dg2 });

    private static Dictionary<ushort, byte[]> Files() => new() { [0x011E] = Com, [0x0101] = Dg1, [0x0102] = Dg2, [0x011D] = Sod };

    [Fact]
    public async Task Reads_EF_COM_every_listed_data_group_and_the_SOD()
    {
        var result = await Reader().ReadAsync(new FileCard(Files()), null, CancellationToken.None);

        Assert.Equal(["COM", "DG1", "DG2", "SOD"], result.Files.Select(f => f.Name));
        Assert.Equal(Dg2, result.DataGroups[2]);
        Assert.Equal(Sod, result.Sod);
        Assert.False(result.SecureMessaging);
        Assert.Empty(result.Unreadable);
    }

    [Fact]
    public async Task Falls_back_to_smaller_blocks_when_the_chip_answers_6700()
    {
        var card = new FileCard(Files()) { MaxLe = 100 };
        var result = await Reader().ReadAsync(card, null, CancellationToken.None);

        Assert.Equal(Dg2, result.DataGroups[2]);
        Assert.Contains("6700", card.Statuses);
    }

    [Fact]
    public async Task Resends_with_the_exact_length_when_the_chip_answers_6Cxx_at_the_end_of_a_file()
    {
        var card = new FileCard(Files()) { AnswerWrongLe = true };
        var result = await Reader().ReadAsync(card, null, CancellationToken.None);

        Assert.Equal(Dg1, result.DataGroups[1]);
        Assert.Equal(Dg2, result.DataGroups[2]);
    }

    [Fact]
    public async Task Reports_a_data_group_it_may_not_read_without_failing()
    {
        byte[] comWithDg3 = Convert.FromHexString("60155F0104303130375F36063034303030305C03617563");
        var files = Files();
        files[0x011E] = comWithDg3;
        var result = await Reader().ReadAsync(new FileCard(files) { Protected = [0x0103] }, null, CancellationToken.None);

        Assert.Contains("DG3", result.Unreadable.Keys);
        Assert.Contains("6982", result.Unreadable["DG3"], StringComparison.Ordinal);
        Assert.Equal(2, result.DataGroups.Count);
    }

    [Fact]
    public async Task A_missing_SOD_is_an_error_naming_it()
    {
        var files = Files();
        files.Remove(0x011D);
        var e = await Assert.ThrowsAsync<ApduException>(() => Reader().ReadAsync(new FileCard(files), null, CancellationToken.None));
        Assert.Contains("EF.SOD", e.Message, StringComparison.Ordinal);
        Assert.Equal(StatusWord.FileNotFound, e.StatusWord);
    }

    [Fact]
    public async Task A_file_cut_short_by_the_chip_is_an_error()
    {
        var files = Files();
        files[0x0101] = Dg1[..50];
        var e = await Assert.ThrowsAsync<ApduException>(() => Reader().ReadAsync(new FileCard(files), null, CancellationToken.None));
        Assert.Contains("DG1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_EF_COM_is_an_error_naming_it()
    {
        var files = Files();
        files[0x011E] = Convert.FromHexString("6003010203");
        var e = await Assert.ThrowsAsync<ApduException>(() => Reader().ReadAsync(new FileCard(files), null, CancellationToken.None));
        Assert.Contains("EF.COM", e.Message, StringComparison.Ordinal);
    }

    private static ChipReader Reader() => new(RandomNumberGenerator.Create());
}
