using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Station.Service.Hosting;
using Station.Service.Pipeline;
using Station.Service.Storage;

namespace Station.Service.Cli;

/// <summary><c>station run</c> (also the default verb): the service, as systemd runs it.</summary>
public static partial class RunCommand
{
    public static Command Create()
    {
        var command = new Command("run", "Run the station service (the default when no verb is given). Extra --Section:Key=value arguments override configuration.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddStationSources(CommonOptions.Overrides(parseResult));
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Services.AddSystemd(); // Type=notify READY/STOPPING and journald-friendly logs under systemd; inert elsewhere
        var dataDir = DataDirectory.Resolve(parseResult.GetValue(CommonOptions.DataDir), builder.Configuration["Station:DataDir"]);
        builder.Services.AddStation(builder.Configuration, dataDir).AddStationWorkers();

        using var host = builder.Build();
        try
        {
            host.Services.ValidateStationOptions();
            _ = host.Services.GetRequiredService<StationDatabase>();
        }
        catch (Exception e) when (StartupFailure.TryDescribe(e, out var code, out var message))
        {
            await Console.Error.WriteLineAsync(message);
            return code;
        }

        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Station");
        var station = host.Services.GetRequiredService<IOptions<StationOptions>>().Value;
        if (station.SimulatedDevices)
        {
            LogSimulated(logger, dataDir);
        }

        var health = host.Services.GetRequiredService<PipelineHealth>();
        await host.RunAsync(cancellationToken); // disposes the host's services when it returns
        if (health.Fatal is { } fatal)
        {
            await Console.Error.WriteLineAsync(fatal);
            return ExitCodes.Failure;
        }

        return ExitCodes.Success;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Running on SIMULATED devices (camera, fingerprint sensor, printer, chip encoder): no hardware is configured. Data directory: {DataDir}")]
    private static partial void LogSimulated(ILogger logger, string dataDir);
}
