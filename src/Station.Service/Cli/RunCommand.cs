using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Station.Service.Center;
using Station.Service.Center.Outbox;
using Station.Service.Hosting;
using Station.Service.Pipeline;
using Station.Service.Storage;

namespace Station.Service.Cli;

/// <summary><c>station run</c> (also the default verb): the service, as systemd runs it.</summary>
public static partial class RunCommand
{
    /// <summary>Sets <c>Station:StationId</c> (and so the center link's <c>Center:StationId</c>).</summary>
    public static Option<string?> StationId { get; } = new("--station-id") { Description = "Station identifier (Station:StationId), also used in every MQTT topic station/{id}/..." };

    /// <summary>Sets <c>Center:Broker</c>.</summary>
    public static Option<string?> Broker { get; } = new("--broker")
    {
        Description = "Center MQTT broker, mqtts://HOST[:PORT] (or mqtt:// with --Center:AllowPlaintext=true). Without it the station works offline and keeps events in its outbox.",
    };

    public static Command Create()
    {
        var command = new Command("run", "Run the station service (the default when no verb is given). Extra --Section:Key=value arguments override configuration.")
        {
            StationId,
            Broker,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddStationSources(CommonOptions.Overrides(parseResult), FromVerb(parseResult));
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Services.AddSystemd(); // Type=notify READY/STOPPING and journald-friendly logs under systemd; inert elsewhere
        var dataDir = DataDirectory.Resolve(parseResult.GetValue(CommonOptions.DataDir), builder.Configuration["Station:DataDir"]);
        builder.Services.AddStation(builder.Configuration, dataDir).AddStationWorkers().AddStationCenterLink(builder.Configuration);

        using var host = builder.Build();
        // Checked before anything starts; what fails here (a bad value, a foreign database) StationCli describes.
        host.Services.ValidateStationOptions();
        _ = host.Services.GetRequiredService<IOptions<CenterOptions>>().Value; // a bad Center section is a configuration error, not a crash
        _ = host.Services.GetRequiredService<StationDatabase>();
        // Map the outbox's types on this thread before the hosted services start using them concurrently.
        _ = host.Services.GetRequiredService<OutboxStore>();
        if (ControlSocketServer.PathProblem(host.Services.GetRequiredService<StationPaths>().ControlSocket) is { } problem)
        {
            await Console.Error.WriteLineAsync(problem);
            return ExitCodes.BadInput;
        }

        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Station");
        var station = host.Services.GetRequiredService<IOptions<StationOptions>>().Value;
        if (station.SimulatedDevices)
        {
            var realEncoder = host.Services.GetRequiredService<IOptions<EncoderOptions>>().Value.Kind == EncoderKind.Pcsc;
            LogSimulated(logger, realEncoder ? "camera, fingerprint sensor and printer; the chip encoder is PC/SC" : "camera, fingerprint sensor, printer and chip encoder: no hardware is configured", dataDir);
        }

        var health = host.Services.GetRequiredService<PipelineHealth>();
        var loops = host.Services.GetServices<IHostedService>().OfType<BackgroundService>().ToList();
        await host.RunAsync(cancellationToken); // disposes the host's services when it returns
        if (health.Fatal is { } fatal)
        {
            await Console.Error.WriteLineAsync(fatal);
            return ExitCodes.Failure;
        }

        // A loop that died stopped the host: that is a failure, so that systemd (Restart=on-failure) starts us again.
        if (loops.FirstOrDefault(loop => loop.ExecuteTask is { IsFaulted: true }) is { } failed)
        {
            await Console.Error.WriteLineAsync($"The station stopped because {failed.GetType().Name} failed: {failed.ExecuteTask!.Exception!.GetBaseException().Message} (details in the log above).");
            return ExitCodes.Failure;
        }

        return ExitCodes.Success;
    }

    /// <summary>The verb's own options, which win over every other source.</summary>
    private static Dictionary<string, string?> FromVerb(ParseResult parseResult)
    {
        var settings = new Dictionary<string, string?>();
        if (parseResult.GetValue(StationId) is { } id)
        {
            settings["Station:StationId"] = id;
            settings["Center:StationId"] = id;
        }

        if (parseResult.GetValue(Broker) is { } broker)
        {
            settings["Center:Broker"] = broker;
        }

        return settings;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Running on SIMULATED devices: {Devices}. Data directory: {DataDir}")]
    private static partial void LogSimulated(ILogger logger, string devices, string dataDir);
}
