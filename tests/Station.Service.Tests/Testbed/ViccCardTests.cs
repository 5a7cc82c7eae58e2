namespace Station.Service.Tests.Testbed;

/// <summary>
/// vicc through the real pcscd. All on reader 1 (port 35964) and in this one class, so they never
/// overlap: reader 0 is left to the smart-card tests, which may run in parallel.
/// </summary>
[Collection(Cli.VpcdReader1Collection.Name)]
public sealed class ViccCardTests
{
    // The Doc 9303 Part 4 TD3 specimen; BAC keys come from L898902C<3, 6908061 and 9406236.
    private const string SpecimenMrz = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<" + "L898902C<3UTO6908061F9406236ZE184226B<<<<<14";

    private static string BacCheck => RepositoryPaths.Combine("scripts", "testbed", "bac_check.py");

    [Fact]
    public async Task Iso7816_card_creates_and_reads_back_an_emrtd_file_with_opensc_tool()
    {
        using var card = await ViccCard.Insert(readerPort: TestbedEnvironment.VpcdReader1Port);

        // CREATE FILE of the eMRTD application DF and of EF.DG1 (16 bytes), UPDATE BINARY, READ BINARY.
        var result = await ToolRun.Run(
            ToolLocator.Require("opensc-tool"), "-r", "1",
            "-s", "00A4000C023F00",
            "-s", "00E00000126210820138830210008407A0000002471001",
            "-s", "00A4040C07A0000002471001",
            "-s", "00E000000D620B8201018302010180020010",
            "-s", "00A4020C020101",
            "-s", "00D600000561035F1F00",
            "-s", "00B0000005");

        Assert.True(result.ExitCode == 0, $"opensc-tool exited {result.ExitCode}:\n{result.Output}\nvicc:\n{card.Log}");
        Assert.Equal(7, result.Output.Split("Received (SW1=0x90, SW2=0x00)").Length - 1);
        Assert.Contains("61 03 5F 1F 00", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Iso7816_card_takes_a_30000_byte_extended_update_binary_and_reads_it_back()
    {
        using var card = await ViccCard.Insert(readerPort: TestbedEnvironment.VpcdReader1Port, extendedLength: true);
        var payload = Enumerable.Range(0, 30000).Select(i => (byte)(i * 7)).ToArray();

        var result = await ToolRun.Run(
            TestbedEnvironment.Python, RepositoryPaths.Combine("scripts", "testbed", "pcsc_send.py"), "1",
            "00E00000126210820138830210008407A0000002471001",
            "00A4040C07A0000002471001",
            "00E000000E620C82010183020102800300FFFF",
            "00A4020C020102",
            "00D6000000" + "7530" + Convert.ToHexString(payload),
            "00B00000007530");

        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(result.ExitCode == 0 && lines.Length == 6, $"pcsc_send.py exited {result.ExitCode}:\n{result.Output}\nvicc:\n{card.Log}");
        Assert.All(lines[..5], line => Assert.Equal("9000", line));
        Assert.Equal(Convert.ToHexString(payload) + " 9000", lines[5]);
    }

    [Fact]
    public async Task Epass_card_passes_bac_mutual_authentication_with_the_specimen_mrz()
    {
        using var card = await ViccCard.Insert(ViccCardType.EPass, TestbedEnvironment.VpcdReader1Port, extendedLength: false, mrz: SpecimenMrz);

        var result = await ToolRun.Run(TestbedEnvironment.Python, BacCheck, "1", "L898902C", "690806", "940623");

        Assert.True(result.ExitCode == 0, $"bac_check.py exited {result.ExitCode}:\n{result.Output}\nvicc:\n{card.Log}");
        Assert.Contains("BAC ok", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Epass_card_refuses_bac_keys_from_a_wrong_expiry_date()
    {
        using var card = await ViccCard.Insert(ViccCardType.EPass, TestbedEnvironment.VpcdReader1Port, extendedLength: false, mrz: SpecimenMrz);

        var result = await ToolRun.Run(TestbedEnvironment.Python, BacCheck, "1", "L898902C", "690806", "940624");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("EXTERNAL AUTHENTICATE: 0 bytes 6988", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_epass_without_an_mrz_is_refused_before_vicc_starts()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => ViccCard.Insert(ViccCardType.EPass, TestbedEnvironment.VpcdReader1Port));

        Assert.Contains("TD3 MRZ", error.Message, StringComparison.Ordinal);
    }
}
