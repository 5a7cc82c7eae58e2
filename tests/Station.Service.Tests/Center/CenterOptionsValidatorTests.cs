using Station.Service.Center;

namespace Station.Service.Tests.Center;

public sealed class CenterOptionsValidatorTests
{
    private static IReadOnlyList<string> Failures(CenterOptions options) =>
        new CenterOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];

    [Fact]
    public void Tls_broker_with_a_station_id_is_valid()
    {
        Assert.Empty(Failures(new CenterOptions { StationId = "HN-001", Broker = "mqtts://center.example:8883" }));
    }

    [Fact]
    public void No_broker_means_offline_and_is_valid()
    {
        Assert.Empty(Failures(new CenterOptions { StationId = "HN-001" }));
    }

    [Fact]
    public void Plain_mqtt_is_refused_unless_allowed_explicitly()
    {
        var failure = Assert.Single(Failures(new CenterOptions { StationId = "HN-001", Broker = "mqtt://10.0.0.1:1883" }));
        Assert.Contains("AllowPlaintext", failure, StringComparison.Ordinal);
        Assert.Empty(Failures(new CenterOptions { StationId = "HN-001", Broker = "mqtt://10.0.0.1:1883", AllowPlaintext = true }));
    }

    [Theory]
    [InlineData("http://center:80", "scheme 'http'")]
    [InlineData("center:8883", "not an absolute URI")]
    [InlineData("not a uri", "not an absolute URI")]
    [InlineData("mqtts://center:8883/path", "must not have a path")]
    public void Bad_broker_uris_are_named(string broker, string expected)
    {
        var failure = Assert.Single(Failures(new CenterOptions { StationId = "HN-001", Broker = broker }));
        Assert.Contains(expected, failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "StationId is required")]
    [InlineData("a/b", "must be 1-64 characters")]
    [InlineData("st+1", "must be 1-64 characters")]
    [InlineData("st#", "must be 1-64 characters")]
    public void Station_ids_that_break_topics_are_refused(string stationId, string expected)
    {
        Assert.Contains(Failures(new CenterOptions { StationId = stationId }), f => f.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", "holds no PEM certificate")]
    [InlineData("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", "is not a PEM certificate file")]
    [InlineData("-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n", "holds no PEM certificate")]
    public void A_ca_file_that_is_no_certificate_stops_the_start(string content, string expected)
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, content);
            var failure = Assert.Single(Failures(new CenterOptions { StationId = "HN-001", Broker = "mqtts://center:8883", CaFile = file }));
            Assert.Contains($"Center:CaFile '{file}'", failure, StringComparison.Ordinal);
            Assert.Contains(expected, failure, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_ca_file_that_holds_a_certificate_is_valid()
    {
        using var certificates = new Fixtures.TestCertificates();
        Assert.Empty(Failures(new CenterOptions { StationId = "HN-001", Broker = "mqtts://center:8883", CaFile = certificates.CaFile }));
    }

    [Fact]
    public void Numeric_limits_and_file_settings_are_checked_each_by_name()
    {
        var failures = Failures(new CenterOptions
        {
            StationId = "HN-001",
            KeepAliveSeconds = 0,
            TelemetryIntervalSeconds = 0,
            OutboxMaxMessages = 0,
            OutboxMaxBytes = 0,
            TelemetryThinningKeepEvery = 1,
            MaxInflight = 0,
            ReconnectInitialDelaySeconds = 5,
            ReconnectMaxDelaySeconds = 1,
            ClientCertFile = "/nonexistent/client.crt",
            CaFile = "/nonexistent/ca.crt",
        });
        foreach (var key in new[] { "KeepAliveSeconds", "TelemetryIntervalSeconds", "OutboxMaxMessages", "OutboxMaxBytes", "TelemetryThinningKeepEvery", "MaxInflight", "ReconnectInitialDelaySeconds", "ClientKeyFile must be given together", "CaFile '/nonexistent/ca.crt' does not exist", "ClientCertFile '/nonexistent/client.crt' does not exist" })
            Assert.Contains(failures, f => f.Contains(key, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("mqtts://center", "center", 8883, true)]
    [InlineData("mqtt://10.1.2.3", "10.1.2.3", 1883, false)]
    [InlineData("mqtts://127.0.0.1:18883", "127.0.0.1", 18883, true)]
    public void Broker_endpoints_get_default_ports(string uri, string host, int port, bool tls)
    {
        Assert.Equal(new BrokerEndpoint(host, port, tls), BrokerEndpoint.Parse(uri));
    }
}
