using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Station.Service.Cli;
using Station.Service.Storage;

namespace Station.Service.Hosting;

/// <summary>Builds the station's services without a host, for commands that run and exit (demo, job, stock).</summary>
public static class StationRuntime
{
    /// <summary>Builds the provider, validates the options and opens the database.</summary>
    /// <param name="configuration">The station's configuration sources, built.</param>
    /// <param name="dataDirectory">The folder holding all state.</param>
    /// <param name="logLevel">The lowest level logged to the console.</param>
    /// <param name="issuesCards">
    /// Whether the command issues cards (demo): then the signer's and the encoder's settings are checked too. The
    /// technician's job and stock commands are not refused for them: a shell has no systemd credential for the PIN,
    /// and these commands matter most when the service is down.
    /// </param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">A configured value is bad.</exception>
    /// <exception cref="StationDatabaseException">The database cannot be used.</exception>
    public static ServiceProvider Build(IConfiguration configuration, string dataDirectory, bool issuesCards, LogLevel logLevel = LogLevel.Warning)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(logLevel).AddFilter("Microsoft", LogLevel.Warning));
        services.AddStation(configuration, dataDirectory);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        try
        {
            provider.ValidateStationOptions(issuesCards);
            _ = provider.GetRequiredService<StationDatabase>();
            return provider;
        }
        catch
        {
            provider.Dispose();
            throw;
        }
    }
}
