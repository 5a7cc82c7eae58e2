using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Station.Service.Center;

/// <summary>Checks <see cref="CenterOptions"/> at start-up, naming each bad setting.</summary>
public sealed partial class CenterOptionsValidator : IValidateOptions<CenterOptions>
{
    public ValidateOptionsResult Validate(string? name, CenterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        if (string.IsNullOrWhiteSpace(options.StationId))
            failures.Add("Center:StationId is required.");
        else if (!StationIdPattern().IsMatch(options.StationId))
            failures.Add($"Center:StationId '{options.StationId}' must be 1-64 characters of A-Z, a-z, 0-9, '-' or '_' (it is an MQTT topic level).");

        if (!string.IsNullOrWhiteSpace(options.Broker))
            ValidateBroker(options, failures);

        if (options.KeepAliveSeconds is < 1 or > 65535)
            failures.Add($"Center:KeepAliveSeconds must be 1-65535, not {options.KeepAliveSeconds}.");
        if (options.TelemetryIntervalSeconds < 1)
            failures.Add($"Center:TelemetryIntervalSeconds must be at least 1, not {options.TelemetryIntervalSeconds}.");
        if (options.TelemetryFullEverySamples < 1)
            failures.Add($"Center:TelemetryFullEverySamples must be at least 1 (1: every sample full), not {options.TelemetryFullEverySamples}.");
        if (options.OutboxMaxMessages < 1)
            failures.Add($"Center:OutboxMaxMessages must be positive, not {options.OutboxMaxMessages}.");
        if (options.OutboxMaxBytes < 1)
            failures.Add($"Center:OutboxMaxBytes must be positive, not {options.OutboxMaxBytes}.");
        if (options.TelemetryThinningKeepEvery < 2)
            failures.Add($"Center:TelemetryThinningKeepEvery must be at least 2, not {options.TelemetryThinningKeepEvery}.");
        if (options.ReconnectInitialDelaySeconds <= 0 || options.ReconnectMaxDelaySeconds < options.ReconnectInitialDelaySeconds)
            failures.Add("Center:ReconnectInitialDelaySeconds must be positive and not above Center:ReconnectMaxDelaySeconds.");
        if (options.MaxInflight is < 1 or > 65535)
            failures.Add($"Center:MaxInflight must be 1-65535, not {options.MaxInflight}.");

        if (options.ClientCertFile is null != options.ClientKeyFile is null)
            failures.Add("Center:ClientCertFile and Center:ClientKeyFile must be given together.");
        RequireFile("CaFile", options.CaFile, failures);
        RequireFile("ClientCertFile", options.ClientCertFile, failures);
        RequireFile("ClientKeyFile", options.ClientKeyFile, failures);
        RequireFile("PasswordFile", options.PasswordFile, failures);
        if (failures.Count == 0)
            RequireCertificates(options, failures);

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The CA and the client certificate are read now: a file that exists but is no certificate stops the start, not the link.</summary>
    private static void RequireCertificates(CenterOptions options, List<string> failures)
    {
        if (options.CaFile is not null) // a station without one loads no certificate code at start
        {
            try
            {
                _ = Link.CenterClientOptions.LoadCa(options.CaFile);
            }
            catch (Exception e) when (e is CryptographicException or InvalidOperationException)
            {
                failures.Add(e is InvalidOperationException ? e.Message : $"Center:CaFile '{options.CaFile}' is not a PEM certificate file: {e.Message}");
            }
        }

        if (options.ClientCertFile is { } cert && options.ClientKeyFile is { } key)
        {
            try
            {
                using var _ = X509Certificate2.CreateFromPemFile(cert, key);
            }
            catch (CryptographicException e)
            {
                failures.Add($"Center:ClientCertFile '{cert}' with Center:ClientKeyFile '{key}' is not a PEM certificate and its private key: {e.Message}");
            }
        }
    }

    private static void ValidateBroker(CenterOptions options, List<string> failures)
    {
        if (!Uri.TryCreate(options.Broker, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            failures.Add($"Center:Broker '{options.Broker}' is not an absolute URI like mqtts://host:8883.");
            return;
        }
        if (uri.Scheme == BrokerEndpoint.PlainScheme)
        {
            if (!options.AllowPlaintext)
                failures.Add($"Center:Broker '{options.Broker}' is plain mqtt://; use mqtts:// or set Center:AllowPlaintext to true explicitly.");
        }
        else if (uri.Scheme != BrokerEndpoint.TlsScheme)
        {
            failures.Add($"Center:Broker scheme '{uri.Scheme}' is not supported; use mqtts:// (or mqtt:// with Center:AllowPlaintext).");
        }
        if (uri.AbsolutePath is not ("" or "/"))
            failures.Add($"Center:Broker '{options.Broker}' must not have a path.");
    }

    private static void RequireFile(string key, string? path, List<string> failures)
    {
        if (path is not null && !File.Exists(path))
            failures.Add($"Center:{key} '{path}' does not exist.");
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex StationIdPattern();
}
