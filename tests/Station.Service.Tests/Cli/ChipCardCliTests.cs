using System.Text.Json;
using Station.Service.Tests.Testbed;

namespace Station.Service.Tests.Cli;

/// <summary>
/// <c>station readers</c>, <c>chip write</c> and <c>chip read</c> against pcscd + vpcd reader 1 + a vicc ISO 7816 card.
/// vicc's card has no PUT DATA for keys (6A81) and no ACTIVATE FILE (6D00), and vpcd never answers an extended-Le APDU,
/// so writes use --no-key-loading --no-lock --short-le (docs/testbed.md); lock and BAC are covered by the simulated chip.
/// </summary>
[Collection(VpcdReader1Collection.Name)]
public sealed class ChipCardCliTests : IAsyncLifetime
{
    private const string ViccExtendedAtr = "3B951381018073FF01404B";
    private readonly string _root = Directory.CreateTempSubdirectory("station-card-").FullName;

    public Task InitializeAsync()
    {
        TestbedEnvironment.RequirePcscd();
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Readers_lists_the_vpcd_reader_with_the_card_and_its_atr()
    {
        using var card = await ViccCard.Insert(readerPort: TestbedEnvironment.VpcdReader1Port, extendedLength: true);

        var text = await ChipCliProcess.RunAsync("readers");
        var json = await ChipCliProcess.RunAsync("readers", "--json");

        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Contains($"{card.ReaderName}: card present, ATR {ViccExtendedAtr}", text.Stdout, StringComparison.Ordinal);
        Assert.True(json.ExitCode == 0, json.ToString());
        using var readers = JsonDocument.Parse(json.Stdout);
        var reader = readers.RootElement.EnumerateArray().Single(r => r.GetProperty("name").GetString() == card.ReaderName);
        Assert.True(reader.GetProperty("cardPresent").GetBoolean());
        Assert.Equal(ViccExtendedAtr, reader.GetProperty("atr").GetString());
    }

    [Fact]
    public async Task Readers_without_pcscd_says_so_and_exits_one()
    {
        // pcsc-lite clients find the daemon through PCSCLITE_CSOCK_NAME: point it where no daemon listens.
        var result = await ChipCliProcess.RunAsync(new Dictionary<string, string> { ["PCSCLITE_CSOCK_NAME"] = Path.Combine(_root, "no-pcscd.comm") }, "readers");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("the PC/SC daemon is not running", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chip_write_then_chip_read_gives_back_the_bytes_chip_build_wrote()
    {
        var built = Path.Combine(_root, "built");
        var build = await ChipCliProcess.RunAsync("chip", "build", ChipCliProcess.Sample("vnm-03-pham-dinh-uoc-elderly.json"), "--out", built);
        Assert.True(build.ExitCode == 0, build.ToString());
        var csca = Path.Combine(_root, "pki", "csca.pem"); // the development PKI beside --out
        using var card = await ViccCard.Insert(readerPort: TestbedEnvironment.VpcdReader1Port, extendedLength: true);

        var write = await ChipCliProcess.RunAsync("chip", "write", built, "--reader", card.ReaderName, "--profile", "iso7816-fs",
            "--no-lock", "--short-le", "--no-key-loading", "--csca", csca);
        var readBack = Path.Combine(_root, "read");
        var read = await ChipCliProcess.RunAsync("chip", "read", "--reader", card.ReaderName, "--plain", "--short-le", "--out", readBack, "--csca", csca);

        Assert.True(write.ExitCode == 0, write.ToString());
        Assert.Contains("passive authentication against", write.Stdout, StringComparison.Ordinal);
        Assert.True(read.ExitCode == 0, read.ToString());
        Assert.Contains("PASS          DS certificate chain", read.Stdout, StringComparison.Ordinal);
        var expected = ChipFiles.Names.Where(n => n != "CardAccess.bin").ToArray(); // EF.CardAccess lives in the MF, not in the application
        Assert.Equal(expected.Order(StringComparer.Ordinal), Directory.GetFiles(readBack).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var name in expected)
        {
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(built, name)), await File.ReadAllBytesAsync(Path.Combine(readBack, name)));
        }
    }

    [Fact]
    public async Task Chip_write_to_a_card_without_key_loading_commands_fails_with_the_reason()
    {
        var built = Path.Combine(_root, "built");
        Assert.Equal(0, (await ChipCliProcess.RunAsync("chip", "build", ChipCliProcess.Sample("vnm-01-nguyen-van-an.json"), "--out", built)).ExitCode);
        using var card = await ViccCard.Insert(readerPort: TestbedEnvironment.VpcdReader1Port, extendedLength: true);

        var write = await ChipCliProcess.RunAsync("chip", "write", built, "--reader", card.ReaderName, "--no-lock", "--short-le");
        var unknown = await ChipCliProcess.RunAsync("chip", "write", built, "--reader", "No Such Reader");

        Assert.True(write.ExitCode == 1, write.ToString());
        Assert.Contains("ChipWriteFailed: BAC key seed", write.Stderr, StringComparison.Ordinal);
        Assert.Contains("6A81", write.Stderr, StringComparison.Ordinal);
        Assert.True(unknown.ExitCode == 2, unknown.ToString());
        Assert.Contains("--reader: no reader 'No Such Reader'", unknown.Stderr, StringComparison.Ordinal);
    }

    /// <summary>
    /// vicc's ePass does BAC mutual authentication correctly but its secure messaging afterwards is broken (docs/testbed.md),
    /// so a full BAC read cannot pass here: the right --mrz gets past EXTERNAL AUTHENTICATE and stops at the first SM command,
    /// a wrong one is refused at EXTERNAL AUTHENTICATE. That shows the --mrz key is derived as an independent chip expects;
    /// BAC reads end to end are covered with the simulated chip and the Appendix D vectors.
    /// </summary>
    [Fact]
    public async Task Chip_read_with_mrz_authenticates_with_BAC_against_vicc_epass()
    {
        const string specimenMrz = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<" + "L898902C<3UTO6908061F9406236ZE184226B<<<<<14";
        using var card = await ViccCard.Insert(ViccCardType.EPass, TestbedEnvironment.VpcdReader1Port, extendedLength: false, mrz: specimenMrz);

        var right = await ChipCliProcess.RunAsync("chip", "read", "--reader", card.ReaderName, "--mrz", "L898902C,690806,940623", "--short-le");
        var wrong = await ChipCliProcess.RunAsync("chip", "read", "--reader", card.ReaderName, "--mrz", "L898902C,690806,940624", "--short-le");

        Assert.True(right.ExitCode == 1, right.ToString());
        Assert.Contains("SELECT EF.COM failed", right.Stderr, StringComparison.Ordinal);
        Assert.True(wrong.ExitCode == 1, wrong.ToString());
        Assert.Contains("EXTERNAL AUTHENTICATE failed", wrong.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chip_read_needs_exactly_one_of_mrz_and_plain()
    {
        var neither = await ChipCliProcess.RunAsync("chip", "read", "--reader", "Virtual PCD 00 01");
        var both = await ChipCliProcess.RunAsync("chip", "read", "--reader", "Virtual PCD 00 01", "--plain", "--mrz", "L898902C,690806,940623");

        Assert.True(neither.ExitCode == 2, neither.ToString());
        Assert.True(both.ExitCode == 2, both.ToString());
        Assert.Contains("exactly one of --mrz", both.Stderr, StringComparison.Ordinal);
    }
}
