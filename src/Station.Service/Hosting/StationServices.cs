using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Station.Devices.Camera;
using Station.Devices.Fingerprint;
using Station.Devices.Printer;
using Station.Devices.Simulation;
using Station.Service.Center;
using Station.Service.Center.Outbox;
using Station.Service.Center.Telemetry;
using Station.Service.Events;
using Station.Service.Jobs;
using Station.Service.Pipeline;
using Station.Service.Stock;
using Station.Service.Storage;

namespace Station.Service.Hosting;

/// <summary>
/// The composition root: every service of the station is registered here and nowhere else, so replacing an
/// implementation (e.g. the interim chip services by the real ones) is a change in this one place.
/// </summary>
public static class StationServices
{
    public static IServiceCollection AddStation(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddValidatedOptions<StationOptions>(configuration, StationOptions.Section);
        services.AddValidatedOptions<PipelineOptions>(configuration, PipelineOptions.Section);
        services.AddValidatedOptions<StockOptions>(configuration, StockOptions.Section);
        services.AddValidatedOptions<EventOptions>(configuration, EventOptions.Section);
        services.AddValidatedOptions<SimulationOptions>(configuration, SimulationOptions.Section);
        services.AddSingleton<IValidateOptions<SimulationOptions>, SimulationOptionsValidator>();
        services.PostConfigure<StockOptions>(stock => stock.AutoLoad ??= configuration.GetValue(StationOptions.Section + ":" + nameof(StationOptions.SimulatedDevices), true));

        services.AddSingleton(new StationPaths(dataDirectory));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(provider => StationDatabase.Open(provider.GetRequiredService<StationPaths>().DataDirectory));
        // One database for the job store and the center link's outbox, so a job's event commits with its transition.
        services.AddSingleton<LiteDB.ILiteDatabase>(provider => provider.GetRequiredService<StationDatabase>().Database);
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<IEventSink, OutboxEventSink>();
        services.AddSingleton<CardStock>();
        services.AddSingleton<JobStore>();
        services.AddSingleton<WorkSignal>();
        services.AddSingleton<StationControl>();
        services.AddSingleton<IStationControl>(provider => provider.GetRequiredService<StationControl>());

        services.AddSingleton<JobArtifacts>();
        services.AddSingleton<PreparedCardCache>();
        services.AddSingleton<MemoryTrim>();
        services.AddSingleton<PipelineHealth>();
        services.AddSingleton<AlarmRaiser>();
        services.AddSingleton<DeviceActionRunner>();
        services.AddSingleton<CaptureStep>();
        services.AddSingleton<PrepareStep>();
        services.AddSingleton<CardIssuingStep>();
        services.AddSingleton<StartupRecovery>();
        services.AddSingleton<PrepareAhead>();
        services.AddSingleton<IssuancePipeline>();
        services.AddSingleton<Cli.StationRequestHandler>();

        services.AddSimulatedDevices();
        services.AddChipServices(configuration);
        return services;
    }

    /// <summary>The long-running loops of <c>station run</c>.</summary>
    public static IServiceCollection AddStationWorkers(this IServiceCollection services)
    {
        services.AddHostedService<PipelineWorker>();
        services.AddHostedService(provider => new WatchdogService(provider.GetRequiredService<PipelineHealth>()));
        services.AddHostedService<ControlSocketServer>();
        return services;
    }

    /// <summary>
    /// The center link (MQTT session, outbox drainer, commands, telemetry) for <c>station run</c>. The station id has
    /// one source, <c>Station:StationId</c>: <c>Center:StationId</c> defaults to it and may not differ from it.
    /// Without <c>Center:Broker</c> the link stays offline and everything waits in the outbox.
    /// </summary>
    public static IServiceCollection AddStationCenterLink(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ITelemetrySource, StationTelemetrySource>();
        services.AddCenterLink(configuration);
        services.AddOptions<CenterOptions>()
            .Configure<IOptions<StationOptions>, StationPaths>((center, station, paths) =>
            {
                center.StationId = string.IsNullOrEmpty(center.StationId) ? station.Value.StationId : center.StationId;
                center.DataDirectory = paths.DataDirectory;
            })
            .Validate<IOptions<StationOptions>>(
                (center, station) => center.StationId == station.Value.StationId,
                "Center:StationId differs from Station:StationId; set the station id once, with Station:StationId or --station-id.");
        return services;
    }

    /// <summary>Validates every options class now (what <c>ValidateOnStart</c> does for the host), for commands that run without one.</summary>
    /// <exception cref="OptionsValidationException">A value is bad; the failures name the key.</exception>
    /// <param name="provider">The station's services.</param>
    /// <param name="issuesCards">Also the signer's and the encoder's settings (run, demo; not the technician's job and stock commands).</param>
    public static void ValidateStationOptions(this IServiceProvider provider, bool issuesCards = true)
    {
        _ = provider.GetRequiredService<IOptions<StationOptions>>().Value;
        _ = provider.GetRequiredService<IOptions<PipelineOptions>>().Value;
        _ = provider.GetRequiredService<IOptions<StockOptions>>().Value;
        _ = provider.GetRequiredService<IOptions<SimulationOptions>>().Value;
        _ = provider.GetRequiredService<IOptions<EventOptions>>().Value;
        if (issuesCards)
        {
            _ = provider.GetRequiredService<IOptions<Signing.SignerOptions>>().Value;
            _ = provider.GetRequiredService<IOptions<EncoderOptions>>().Value;
        }
    }

    private static void AddSimulatedDevices(this IServiceCollection services)
    {
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<SimulationOptions>>().Value;
            return new SimulationSettings(FaultPlan.Parse(options.Faults, options.Seed), SimulatedLatency.FromMilliseconds(options.LatencyMs), options.Seed);
        });
        services.AddSingleton<ICamera, SimulatedCamera>();
        services.AddSingleton<IFingerprintSensor, SimulatedFingerprintSensor>();
        services.AddSingleton(provider => new SimulatedCardPrinter(
            provider.GetRequiredService<SimulationSettings>(),
            new SimulatedPrinterOptions
            {
                PrintedFacesDirectory = provider.GetRequiredService<IOptions<SimulationOptions>>().Value.SavePrintedFaces
                    ? provider.GetRequiredService<StationPaths>().PrintedFaces
                    : null,
            }));
        services.AddSingleton<ICardPrinter>(provider => provider.GetRequiredService<SimulatedCardPrinter>());
    }

    private static void AddValidatedOptions<T>(this IServiceCollection services, IConfiguration configuration, string section)
        where T : class
    {
        services.AddOptions<T>().Bind(configuration.GetSection(section)).ValidateDataAnnotations().ValidateOnStart();
        services.RefuseUnknownSettings<T>(configuration, section);
    }
}
