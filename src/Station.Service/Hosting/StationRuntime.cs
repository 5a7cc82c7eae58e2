using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Station.Service.Cli;
using Station.Service.Storage;

namespace Station.Service.Hosting;

/// <summary>Builds the station's services without a host, for commands that run and exit (demo, job, stock).</summary>
public static class StationRuntime
{
    /// <summary>Builds the provider, validates every option and opens the database.</summary>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">A configured value is bad.</exception>
    /// <exception cref="StationDatabaseException">The database cannot be used.</exception>
    public static ServiceProvider Build(IConfiguration configuration, string dataDirectory, LogLevel logLevel = LogLevel.Warning)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(logLevel).AddFilter("Microsoft", LogLevel.Warning));
        services.AddStation(configuration, dataDirectory);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        try
        {
            provider.ValidateStationOptions();
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
