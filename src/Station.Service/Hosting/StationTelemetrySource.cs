using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Station.Devices;
using Station.Devices.Camera;
using Station.Devices.Fingerprint;
using Station.Devices.Printer;
using Station.Devices.SmartCards;
using Station.Personalization.Profiles;
using Station.Service.Center.Telemetry;
using Station.Service.Jobs;
using Station.Service.Stock;

namespace Station.Service.Hosting;

/// <summary>
/// Tells the center link what this station is (birth) and how it is doing (telemetry): the four devices the
/// pipeline drives, the blank-card stock and the jobs not yet ended, read from the live services.
/// </summary>
public sealed class StationTelemetrySource(
    ICamera camera,
    IFingerprintSensor fingerprint,
    ICardPrinter printer,
    IChipEncoder encoder,
    CardStock stock,
    JobStore jobs,
    ProfileRegistry profiles,
    IOptions<EncoderOptions> encoderOptions,
    IConfiguration configuration,
    TimeProvider clock) : ITelemetrySource
{
    // The device kinds the center sees, whatever the drivers call themselves.
    public const string Camera = "camera";
    public const string Fingerprint = "fingerprint";
    public const string Printer = "printer";
    public const string Encoder = "encoder";

    private readonly DateTimeOffset _startedAt = clock.GetUtcNow();

    public StationDescription Describe()
    {
        var devices = new[] { camera.Info with { Kind = Camera }, fingerprint.Info with { Kind = Fingerprint }, printer.Info with { Kind = Printer }, encoder.Info with { Kind = Encoder } };
        var capabilities = new List<string> { "issue", "chip:" + encoderOptions.Value.ChipProfile };
        if (devices.Any(d => d.Simulated)) capabilities.Add("simulated");
        return new StationDescription(
            SoftwareVersion(),
            string.Join(',', profiles.Ids.Order(StringComparer.Ordinal)),
            devices,
            capabilities,
            ConfigHash(configuration),
            _startedAt);
    }

    public TelemetrySnapshot Capture()
    {
        var summary = stock.Summary();
        var counts = new Dictionary<string, int>
        {
            ["blank"] = Count(summary.InHopper),
            ["inUse"] = Count(summary.InUse),
            ["issued"] = Count(summary.Issued),
            ["spoiled"] = Count(summary.Spoiled),
        };
        // Queue depth: jobs accepted and not yet ended, waiting or in progress.
        var queue = jobs.CountByState().Where(s => s.Key is not (JobState.Completed or JobState.Failed or JobState.Cancelled)).Sum(s => s.Value);
        return new TelemetrySnapshot(
            [camera.Status with { Kind = Camera }, fingerprint.Status with { Kind = Fingerprint }, printer.Status with { Kind = Printer }, encoder.Status with { Kind = Encoder }],
            counts,
            queue);
    }

    private static int Count(long value) => (int)Math.Min(value, int.MaxValue);

    private static string SoftwareVersion()
    {
        var assembly = typeof(StationTelemetrySource).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "unknown";
        return version.Split('+')[0]; // without the source revision suffix
    }

    /// <summary>Settings that differ from station to station by design: leaving them out lets alike stations hash alike.</summary>
    private static readonly HashSet<string> IdentityKeys = new(StringComparer.OrdinalIgnoreCase) { "Station:StationId", "Center:StationId", "Center:UserName" };

    /// <summary>SHA-256 over the effective configuration (sorted key=value lines) but the station's identity, so the center notices drift between stations.</summary>
    private static string ConfigHash(IConfiguration configuration)
    {
        var text = new StringBuilder();
        foreach (var (key, value) in configuration.AsEnumerable().Where(p => p.Value is not null && !IdentityKeys.Contains(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal))
            text.Append(key).Append('=').Append(value).Append('\n');
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return "sha256:" + Convert.ToHexStringLower(hash.AsSpan(0, 8));
    }
}
