using System.Diagnostics;
using Station.Service.Center.Link;
using Station.Service.Signing;

namespace Station.Service.Tests.Testbed;

public sealed class SystemdUnitTests
{
    private static readonly string UnitPath = RepositoryPaths.Combine("systemd", "station.service");

    private static SystemdUnitFile Unit => SystemdUnitFile.Parse(File.ReadAllText(UnitPath));

    [Theory]
    [InlineData("Type", "notify")]
    [InlineData("ExecStart", "/usr/lib/station/station run")]
    [InlineData("Restart", "on-failure")]
    [InlineData("WatchdogSec", "30s")]
    [InlineData("NotifyAccess", "main")]
    [InlineData("StateDirectory", "station")]
    [InlineData("ConfigurationDirectory", "station")]
    [InlineData("User", "station")]
    [InlineData("NoNewPrivileges", "yes")]
    [InlineData("ProtectSystem", "strict")]
    [InlineData("ProtectHome", "yes")]
    [InlineData("PrivateTmp", "yes")]
    [InlineData("DevicePolicy", "closed")]
    public void Service_section_sets_required_directive(string key, string expected)
    {
        Assert.Equal(expected, Unit.Value("Service", key));
    }

    [Fact]
    public void Device_access_is_limited_to_the_station_devices()
    {
        var allowed = Unit.Values("Service", "DeviceAllow").Select(value => value.Split(' ')[0]).ToList();

        Assert.Equal(
            ["char-ttyUSB", "char-ttyACM", "char-video4linux", "/dev/gpiochip0", "char-usb_device"],
            allowed);
    }

    [Fact]
    public void Device_groups_are_supplementary()
    {
        var groups = (Unit.Value("Service", "SupplementaryGroups") ?? string.Empty).Split(" ", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(["dialout", "video", "gpio"], groups);
    }

    [Fact]
    public void Secrets_come_as_credentials_for_the_pin_and_the_mqtt_password()
    {
        var credentialNames = Unit.Values("Service", "LoadCredential").Select(value => value.Split(':')[0]).ToList();

        // The names the station reads: a unit that hands a secret over under another name leaves the signer without its PIN.
        Assert.Equal([SignerOptions.PinCredentialName, CenterClientOptions.PasswordCredentialName], credentialNames);
        Assert.Equal(["signer-pin", "mqtt-password"], credentialNames);
    }

    [Fact]
    public void Network_stays_available_for_mqtt()
    {
        Assert.Null(Unit.Value("Service", "PrivateNetwork"));
        Assert.Contains("AF_INET", Unit.Value("Service", "RestrictAddressFamilies") ?? string.Empty, StringComparison.Ordinal);
        Assert.Contains("AF_UNIX", Unit.Value("Service", "RestrictAddressFamilies") ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public void Unit_installs_into_multi_user_target()
    {
        Assert.Equal("multi-user.target", Unit.Value("Install", "WantedBy"));
    }

    [Fact]
    public async Task Systemd_analyze_verify_accepts_the_unit_when_the_tool_is_present()
    {
        var analyze = ToolLocator.Find("systemd-analyze");
        if (analyze is null)
        {
            // Not a skip: the directive tests above always run; this one adds systemd's own parser
            // where systemd is installed (test.sh installs it).
            Assert.False(TestbedEnvironment.IsActive, "systemd-analyze is missing inside the test bed; ./test.sh installs package systemd.");
            return;
        }

        // verify fails on a missing ExecStart binary, and /usr/lib/station/station exists only on an
        // installed station: check a copy that runs /bin/true, with the same file name (the unit name
        // matters to verify).
        var folder = Directory.CreateTempSubdirectory("station-unit-");
        try
        {
            var copy = Path.Combine(folder.FullName, "station.service");
            var text = await File.ReadAllTextAsync(UnitPath);
            await File.WriteAllTextAsync(copy, text.Replace("ExecStart=/usr/lib/station/station run", "ExecStart=/bin/true run", StringComparison.Ordinal));

            var (exitCode, output) = await Run(analyze, "verify", copy);

            Assert.True(exitCode == 0 && output.Length == 0, $"systemd-analyze verify exited {exitCode}:\n{output}");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Output)> Run(string fileName, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"could not start {fileName}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, (await stdout + await stderr).Trim());
    }
}
