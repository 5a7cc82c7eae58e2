namespace Station.Service.Center;

/// <summary>The broker address parsed from <see cref="CenterOptions.Broker"/>.</summary>
public sealed record BrokerEndpoint(string Host, int Port, bool UseTls)
{
    public const string PlainScheme = "mqtt";
    public const string TlsScheme = "mqtts";

    /// <summary>Parses a validated broker URI; the default ports are 1883 (mqtt) and 8883 (mqtts).</summary>
    public static BrokerEndpoint Parse(string broker)
    {
        var uri = new Uri(broker, UriKind.Absolute);
        var tls = uri.Scheme switch
        {
            TlsScheme => true,
            PlainScheme => false,
            _ => throw new ArgumentException($"Broker scheme '{uri.Scheme}' is not mqtt or mqtts.", nameof(broker)),
        };
        var port = uri.IsDefaultPort || uri.Port < 0 ? (tls ? 8883 : 1883) : uri.Port;
        return new BrokerEndpoint(uri.Host, port, tls);
    }
}
