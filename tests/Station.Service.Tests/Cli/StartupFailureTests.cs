using Microsoft.Extensions.Configuration;
using Station.Service.Cli;

namespace Station.Service.Tests.Cli;

public sealed class StartupFailureTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("station-config-").FullName;

    [Fact]
    public void AConfigurationFileThatIsNotJsonIsBadInputNamingTheFile()
    {
        var file = Path.Combine(_dir, "station.json");
        File.WriteAllText(file, """{ "Station": {""");
        var error = Assert.ThrowsAny<Exception>(() => new ConfigurationBuilder().AddJsonFile(file, optional: true).Build());

        Assert.True(StartupFailure.TryDescribe(error, out var code, out var message));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.StartsWith("Configuration error: ", message, StringComparison.Ordinal);
        Assert.Contains(file, message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADataDirectoryThatIsNotOursToReadSaysWhoMayRunTheCommand()
    {
        var denied = new UnauthorizedAccessException("Access to the path '/var/lib/station/station.lock' is denied.");

        Assert.True(StartupFailure.TryDescribe(denied, out var code, out var message));
        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains("/var/lib/station/station.lock", message, StringComparison.Ordinal);
        Assert.Contains("as root or as the user the station runs as", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnErrorThatIsNotAboutStartingIsNotDescribed() =>
        Assert.False(StartupFailure.TryDescribe(new InvalidDataException("a device reply"), out _, out _));

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
