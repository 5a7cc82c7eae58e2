using Microsoft.Extensions.Configuration;

namespace Station.Service.Hosting;

/// <summary>
/// The configuration sources, later ones winning: <c>appsettings.json</c> beside the executable,
/// <c>/etc/station/station.json</c> when present, <c>STATION_</c> environment variables (e.g.
/// <c>STATION_Pipeline__EncodeAttempts=5</c>), then command-line overrides (e.g. <c>--Pipeline:EncodeAttempts=5</c>).
/// </summary>
public static class StationConfiguration
{
    public const string SystemFile = "/etc/station/station.json";
    public const string EnvironmentPrefix = "STATION_";

    public static void AddStationSources(this IConfigurationBuilder builder, IEnumerable<string> commandLineOverrides, IDictionary<string, string?>? fromVerb = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Sources.Clear();
        builder.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false)
            .AddJsonFile(SystemFile, optional: true, reloadOnChange: false)
            .AddEnvironmentVariables(EnvironmentPrefix)
            .AddCommandLine(commandLineOverrides.ToArray());
        if (fromVerb is not null)
        {
            builder.AddInMemoryCollection(fromVerb);
        }
    }

    public static IConfiguration Build(IEnumerable<string> commandLineOverrides, IDictionary<string, string?>? fromVerb = null)
    {
        var builder = new ConfigurationBuilder();
        builder.AddStationSources(commandLineOverrides, fromVerb);
        return builder.Build();
    }
}
