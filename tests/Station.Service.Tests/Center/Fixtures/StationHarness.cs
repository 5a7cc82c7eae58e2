using System.Globalization;
using LiteDB;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Station.Service.Center;
using Station.Service.Center.Link;
using Station.Service.Center.Outbox;
using Station.Service.Center.Telemetry;
using Station.Service.Jobs;

namespace Station.Service.Tests.Center.Fixtures;

/// <summary>
/// The center link hosted as the station hosts it (<c>AddCenterLink</c> on a generic host), over a LiteDB file
/// that outlives the harness, so a test can "restart the station" by disposing and starting another on the same file.
/// </summary>
public sealed class StationHarness : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly LiteDatabase _database;

    private StationHarness(IHost host, LiteDatabase database, FakeStationControl control)
    {
        _host = host;
        _database = database;
        Control = control;
    }

    public FakeStationControl Control { get; }
    public OutboxStore Outbox => _host.Services.GetRequiredService<OutboxStore>();
    public CenterLink Link => _host.Services.GetRequiredService<CenterLink>();
    public ILiteDatabase Database => _database;
    public IServiceProvider Services => _host.Services;

    /// <summary>Settings every test uses; <paramref name="overrides"/> replace or add <c>Center:*</c> keys.</summary>
    public static Dictionary<string, string?> Settings(string stationId, string? broker, params (string Key, string? Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Center:StationId"] = stationId,
            ["Center:Broker"] = broker,
            ["Center:AllowPlaintext"] = "true",
            ["Center:KeepAliveSeconds"] = "5",
            ["Center:TelemetryIntervalSeconds"] = "3600",
            ["Center:ReconnectInitialDelaySeconds"] = "0.2",
            ["Center:ReconnectMaxDelaySeconds"] = "1",
            ["Center:DataDirectory"] = Path.GetTempPath(),
        };
        foreach (var (key, value) in overrides) settings["Center:" + key] = value;
        return settings;
    }

    public static string PlainBroker(int port) => string.Create(CultureInfo.InvariantCulture, $"mqtt://127.0.0.1:{port}");

    public static async Task<StationHarness> StartAsync(string databaseFile, Dictionary<string, string?> settings, ILoggerProvider? log = null)
    {
        // Own mapper: LiteDB's global BsonMapper can fail ("Member Kind not found") when test classes running in
        // parallel map the same type for the first time at once.
        var database = new LiteDatabase($"Filename={databaseFile}", new BsonMapper());
        var control = new FakeStationControl();
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        if (log is not null) builder.Logging.AddProvider(log);
        builder.Services.AddSingleton<ILiteDatabase>(database);
        builder.Services.AddSingleton<IStationControl>(control);
        builder.Services.AddSingleton<ITelemetrySource>(new FakeTelemetrySource());
        builder.Services.AddCenterLink(builder.Configuration);
        var host = builder.Build();
        control.Outbox = host.Services.GetRequiredService<OutboxStore>();
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            database.Dispose();
            throw;
        }
        return new StationHarness(host, database, control);
    }

    /// <summary>Waits until the link has a session (birth published, commands subscribed).</summary>
    public async Task WaitConnectedAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Link.IsConnected)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The center link did not connect within {timeout.TotalSeconds} s.");
            await Task.Delay(20);
        }
    }

    public async Task WaitOutboxEmptyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Outbox.Measure().Count > 0)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The outbox still holds {Outbox.Measure().Count} messages after {timeout.TotalSeconds} s.");
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        _database.Dispose();
    }
}
