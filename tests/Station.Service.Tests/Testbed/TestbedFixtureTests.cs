using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Station.Service.Tests.Testbed;

/// <summary>The fixture helpers against the real daemons of the test bed.</summary>
public sealed class TestbedFixtureTests
{
    [Fact]
    public void Free_port_can_be_bound_on_loopback()
    {
        var port = FreeTcpPort.Next();

        using var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        Assert.Equal(port, ((IPEndPoint)listener.LocalEndpoint).Port);
    }

    [Fact]
    public async Task Waiting_for_a_port_nobody_listens_on_times_out_naming_the_port()
    {
        var port = FreeTcpPort.Next();

        var error = await Assert.ThrowsAsync<TimeoutException>(() => FreeTcpPort.WaitForListener(port, TimeSpan.FromMilliseconds(200)));

        Assert.Contains($"127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_tool_names_its_debian_package()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ToolLocator.Require("station-no-such-tool"));

        Assert.Contains("station-no-such-tool", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mosquitto_broker_delivers_a_retained_message()
    {
        using var broker = await MosquittoBroker.Start();
        var port = broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var (publishExit, publishOutput) = await Run(ToolLocator.Require("mosquitto_pub"), "-h", "127.0.0.1", "-p", port, "-q", "1", "-r", "-t", "station/test/state", "-m", "online");
        var (subscribeExit, received) = await Run(ToolLocator.Require("mosquitto_sub"), "-h", "127.0.0.1", "-p", port, "-t", "station/test/state", "-C", "1", "-W", "5");

        Assert.True(publishExit == 0, $"mosquitto_pub exited {publishExit}: {publishOutput}\n{broker.Log}");
        Assert.True(subscribeExit == 0, $"mosquitto_sub exited {subscribeExit}: {received}\n{broker.Log}");
        Assert.Equal("online", received);
    }

    [Fact]
    public async Task Vicc_iso7816_card_in_reader_1_creates_and_reads_back_a_file_through_pcscd()
    {
        // Reader 1 (port 35964): reader 0 is left to the smart-card tests, which may run in parallel.
        using var card = await ViccCard.Insert(readerPort: TestbedEnvironment.VpcdReader1Port);
        var tool = ToolLocator.Require("opensc-tool");

        // CREATE FILE of the eMRTD application DF and of EF.DG1 (16 bytes), UPDATE BINARY, READ BINARY.
        var (exitCode, output) = await Run(
            tool, "-r", "1",
            "-s", "00A4000C023F00",
            "-s", "00E000001262108201388302100084 07A0000002471001".Replace(" ", string.Empty, StringComparison.Ordinal),
            "-s", "00A4040C07A0000002471001",
            "-s", "00E000000D620B820101830201018002 0010".Replace(" ", string.Empty, StringComparison.Ordinal),
            "-s", "00A4020C020101",
            "-s", "00D60000056103 5F1F00".Replace(" ", string.Empty, StringComparison.Ordinal),
            "-s", "00B0000005");

        Assert.True(exitCode == 0, $"opensc-tool exited {exitCode}:\n{output}\nvicc:\n{card.Log}");
        Assert.Equal(7, output.Split("Received (SW1=0x90, SW2=0x00)").Length - 1);
        Assert.Contains("61 03 5F 1F 00", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Vicc_epass_card_passes_bac_mutual_authentication_with_the_doc_9303_specimen_mrz()
    {
        // The Part 4 TD3 specimen; BAC keys come from L898902C<3, 6908061 and 9406236.
        const string mrz = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<" + "L898902C<3UTO6908061F9406236ZE184226B<<<<<14";
        using var card = await ViccCard.Insert(ViccCardType.EPass, TestbedEnvironment.VpcdReader1Port, extendedLength: false, mrz: mrz);

        var (exitCode, output) = await Run(
            TestbedEnvironment.Python, RepositoryPaths.Combine("scripts", "testbed", "bac_check.py"), "1", "L898902C", "690806", "940623");

        Assert.True(exitCode == 0, $"bac_check.py exited {exitCode}:\n{output}\nvicc:\n{card.Log}");
        Assert.Contains("BAC ok", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Vicc_epass_card_refuses_bac_with_a_wrong_mrz()
    {
        const string mrz = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<" + "L898902C<3UTO6908061F9406236ZE184226B<<<<<14";
        using var card = await ViccCard.Insert(ViccCardType.EPass, TestbedEnvironment.VpcdReader1Port, extendedLength: false, mrz: mrz);

        var (exitCode, output) = await Run(
            TestbedEnvironment.Python, RepositoryPaths.Combine("scripts", "testbed", "bac_check.py"), "1", "L898902C", "690806", "940624");

        Assert.Equal(1, exitCode);
        Assert.Contains("EXTERNAL AUTHENTICATE: 0 bytes 6988", output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> Run(string fileName, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"could not start {fileName}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, (await stdout + await stderr).Trim());
    }
}
