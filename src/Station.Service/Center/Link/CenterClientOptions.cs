using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Station.Service.Center.Session;

namespace Station.Service.Center.Link;

/// <summary>
/// Turns <see cref="CenterOptions"/> into MQTTnet client options for one connection: MQTT 5, client id = station id,
/// clean start (durability lives in the outbox, not in a broker session), the retained death certificate as last
/// will, TLS with an optional private CA and client certificate, and optional user name and password.
/// </summary>
public sealed class CenterClientOptions(CenterOptions options)
{
    /// <summary>The systemd credential name read when no <see cref="CenterOptions.PasswordFile"/> is set.</summary>
    public const string PasswordCredentialName = "mqtt-password";

    private readonly CenterTopics _topics = new(options.StationId);
    private readonly X509Certificate2Collection? _trustedCa = LoadCa(options.CaFile);

    public MqttClientOptions Build(BrokerEndpoint broker, int bdSeq)
    {
        ArgumentNullException.ThrowIfNull(broker);
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(broker.Host, broker.Port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId(options.StationId)
            .WithCleanStart(true)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(options.KeepAliveSeconds))
            .WithTimeout(TimeSpan.FromSeconds(10))
            .WithMaximumPacketSize(Commands.CommandProcessor.MaxPacketBytes)
            .WithWillTopic(_topics.State)
            .WithWillPayload(CenterJson.ToUtf8(StateMessages.Death(bdSeq)))
            .WithWillRetain(true)
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);

        if (options.UserName is not null)
            builder.WithCredentials(options.UserName, ReadPassword());
        if (broker.UseTls)
            builder.WithTlsOptions(ConfigureTls);
        return builder.Build();
    }

    private void ConfigureTls(MqttClientTlsOptionsBuilder tls)
    {
        tls.UseTls(true).WithTargetHost(BrokerEndpoint.Parse(options.Broker!).Host);
        if (options.ClientCertFile is not null && options.ClientKeyFile is not null)
            tls.WithClientCertificates([X509Certificate2.CreateFromPemFile(options.ClientCertFile, options.ClientKeyFile)]);
        if (_trustedCa is not null)
            tls.WithCertificateValidationHandler(args => ValidateAgainstCa(args.Certificate, args.Chain, args.SslPolicyErrors, _trustedCa));
    }

    /// <summary>
    /// With a configured CA the broker certificate must chain to that CA (and only it); the host name must still match.
    /// The intermediate certificates the broker presented (<paramref name="presented"/>) may complete the chain.
    /// </summary>
    internal static bool ValidateAgainstCa(X509Certificate? certificate, X509Chain? presented, SslPolicyErrors errors, X509Certificate2Collection ca)
    {
        if (certificate is null || (errors & (SslPolicyErrors.RemoteCertificateNotAvailable | SslPolicyErrors.RemoteCertificateNameMismatch)) != 0)
            return false;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presented is not null)
        {
            foreach (var element in presented.ChainElements)
                chain.ChainPolicy.ExtraStore.Add(element.Certificate); // untrusted helpers: trust still comes from ca only
        }

        using var server = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return chain.Build(server);
    }

    private string? ReadPassword()
    {
        var file = options.PasswordFile;
        if (file is null && Environment.GetEnvironmentVariable("CREDENTIALS_DIRECTORY") is { Length: > 0 } credentials)
        {
            var candidate = Path.Combine(credentials, PasswordCredentialName);
            if (File.Exists(candidate)) file = candidate;
        }
        return file is null ? null : File.ReadAllText(file).TrimEnd('\r', '\n');
    }

    internal static X509Certificate2Collection? LoadCa(string? caFile)
    {
        if (caFile is null) return null;
        var collection = new X509Certificate2Collection();
        collection.ImportFromPemFile(caFile);
        if (collection.Count == 0) throw new InvalidOperationException($"Center:CaFile '{caFile}' holds no PEM certificate.");
        return collection;
    }
}
