using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Station.Service.Center.Commands;
using Station.Service.Center.Link;
using Station.Service.Center.Outbox;
using Station.Service.Center.Session;
using Station.Service.Center.Telemetry;
using Station.Service.Hosting;

namespace Station.Service.Center;

public static class CenterServiceCollectionExtensions
{
    /// <summary>
    /// Registers the center link (MQTT session, outbox drainer, commands) and the telemetry sampler as hosted
    /// services, bound to the <c>Center</c> section and validated at start. The host must also register
    /// <c>LiteDB.ILiteDatabase</c>, <see cref="Jobs.IStationControl"/> and <see cref="ITelemetrySource"/>;
    /// an <see cref="ILocationProvider"/> is optional.
    /// </summary>
    public static IServiceCollection AddCenterLink(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<CenterOptions>().Bind(configuration.GetSection(CenterOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CenterOptions>, CenterOptionsValidator>());
        services.RefuseUnknownSettings<CenterOptions>(configuration, CenterOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton<OutboxStore>();
        services.TryAddSingleton<LinkStateStore>();
        services.TryAddSingleton<ProcessedCommandStore>();
        services.TryAddSingleton<TelemetryThinner>();
        services.TryAddSingleton<TelemetryReporter>();
        services.TryAddSingleton<CommandProcessor>();
        services.TryAddSingleton<CenterLink>();
        services.TryAddSingleton(sp => new TelemetryService(
            sp.GetRequiredService<ITelemetrySource>(),
            sp.GetRequiredService<OutboxStore>(),
            sp.GetRequiredService<TelemetryThinner>(),
            sp.GetRequiredService<TelemetryReporter>(),
            sp.GetRequiredService<LinkStateStore>(),
            sp.GetRequiredService<IOptions<CenterOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<TelemetryService>>(),
            sp.GetService<ILocationProvider>()));
        services.AddHostedService(sp => sp.GetRequiredService<CenterLink>());
        services.AddHostedService(sp => sp.GetRequiredService<TelemetryService>());
        return services;
    }
}
