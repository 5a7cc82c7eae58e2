namespace Station.Service.Center;

/// <summary>
/// The <c>Center</c> configuration section: where the center's MQTT broker is, how the station proves who it is,
/// and how much the durable outbox may hold. Checked at start-up by <see cref="CenterOptionsValidator"/>.
/// </summary>
public sealed class CenterOptions
{
    public const string SectionName = "Center";

    /// <summary>Station identifier, used in every topic (<c>station/{StationId}/...</c>) and as the MQTT client id.</summary>
    public string StationId { get; set; } = "";

    /// <summary><c>mqtts://host[:port]</c>, or <c>mqtt://host[:port]</c> with <see cref="AllowPlaintext"/>. Empty: the station works offline and keeps everything in the outbox.</summary>
    public string? Broker { get; set; }

    /// <summary>Plain <c>mqtt://</c> is refused unless this is true; when used, a warning is logged at every connect.</summary>
    public bool AllowPlaintext { get; set; }

    /// <summary>MQTT keep-alive; the broker publishes the death certificate within 1.5 times this after the station goes silent.</summary>
    public int KeepAliveSeconds { get; set; } = 30;

    /// <summary>PEM file with the CA that signed the broker's certificate; when absent the system trust store is used.</summary>
    public string? CaFile { get; set; }

    /// <summary>PEM client certificate for mutual TLS; needs <see cref="ClientKeyFile"/>.</summary>
    public string? ClientCertFile { get; set; }

    /// <summary>PEM private key of <see cref="ClientCertFile"/>.</summary>
    public string? ClientKeyFile { get; set; }

    public string? UserName { get; set; }

    /// <summary>File holding the MQTT password; when absent, <c>$CREDENTIALS_DIRECTORY/mqtt-password</c> (systemd credential) is used if it exists.</summary>
    public string? PasswordFile { get; set; }

    /// <summary>Seconds between telemetry samples (default 300 s: 288 samples a day).</summary>
    public int TelemetryIntervalSeconds { get; set; } = 300;

    /// <summary>
    /// Telemetry is reported by exception (only what changed); every N-th sample is complete, so a center that lost
    /// track is never stale for long (default 36: every 3 hours at the default interval). 1 makes every sample full.
    /// </summary>
    public int TelemetryFullEverySamples { get; set; } = 36;

    /// <summary>Outbox budget in messages; above it telemetry is thinned (events are never dropped).</summary>
    public int OutboxMaxMessages { get; set; } = 50_000;

    /// <summary>Outbox budget in payload bytes; above it telemetry is thinned (events are never dropped).</summary>
    public long OutboxMaxBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>Thinning keeps every N-th telemetry sample, oldest first (N ≥ 2).</summary>
    public int TelemetryThinningKeepEvery { get; set; } = 2;

    /// <summary>First reconnect delay; doubles after each failure up to <see cref="ReconnectMaxDelaySeconds"/>, with full jitter.</summary>
    public double ReconnectInitialDelaySeconds { get; set; } = 1;

    public double ReconnectMaxDelaySeconds { get; set; } = 60;

    /// <summary>Most QoS 1 publishes awaiting their PUBACK at once (further capped by the broker's Receive Maximum).</summary>
    public int MaxInflight { get; set; } = 100;

    /// <summary>Folder whose file system's free space is reported in telemetry (the data directory).</summary>
    public string DataDirectory { get; set; } = ".";
}
