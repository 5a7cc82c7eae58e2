using System.Security.Cryptography.X509Certificates;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Station.Service.Center.Link;
using Station.Service.Tests.Center.Fixtures;
using Xunit.Abstractions;

namespace Station.Service.Tests.Center;

/// <summary>
/// mosquitto with <c>require_certificate true</c>, <c>use_identity_as_username true</c> and an ACL that confines
/// each station to <c>station/{its CN}/#</c>; CA, server and client certificates are made by the test.
/// </summary>
public sealed class MutualTlsTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private const string Acl = """
        user HN-001
        topic readwrite station/HN-001/#

        user HN-002
        topic readwrite station/HN-002/#

        user center
        topic readwrite station/#
        """;

    private readonly TestCertificates _pki = new();
    private MosquittoBroker? _broker;

    private MosquittoBroker Broker => _broker ??= MosquittoBroker.StartMutualTls(_pki, Acl);

    private Action<MqttClientTlsOptionsBuilder> Tls(string? commonName)
    {
        var ca = new X509Certificate2Collection();
        ca.ImportFromPemFile(_pki.CaFile);
        X509Certificate2? client = null;
        if (commonName is not null)
        {
            var (cert, key) = _pki.IssueClient(commonName);
            client = X509Certificate2.CreateFromPemFile(cert, key);
        }
        return tls =>
        {
            tls.UseTls(true).WithTargetHost("127.0.0.1")
                .WithCertificateValidationHandler(a => CenterClientOptions.ValidateAgainstCa(a.Certificate, a.Chain, a.SslPolicyErrors, ca));
            if (client is not null) tls.WithClientCertificates([client]);
        };
    }

    private async Task<IMqttClient> ConnectAsync(Action<MqttClientTlsOptionsBuilder>? tls)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var builder = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", Broker.Port).WithProtocolVersion(MqttProtocolVersion.V500)
            .WithTimeout(TimeSpan.FromSeconds(5));
        if (tls is not null) builder.WithTlsOptions(tls);
        await client.ConnectAsync(builder.Build());
        return client;
    }

    [Fact]
    public async Task The_station_connects_with_its_certificate_and_its_events_reach_the_center()
    {
        var (cert, key) = _pki.IssueClient("HN-001");
        await using var center = await CenterObserver.StartAsync(Broker.Port, "station/HN-001/#", tls: Tls("center"));
        await using var station = await StationHarness.StartAsync(Path.Combine(_pki.Directory, "station.db"),
            StationHarness.Settings("HN-001", $"mqtts://127.0.0.1:{Broker.Port}",
                ("AllowPlaintext", "false"), ("CaFile", _pki.CaFile), ("ClientCertFile", cert), ("ClientKeyFile", key)),
            new XunitLoggerProvider(output));
        await station.WaitConnectedAsync(Patience);
        FakeStationControl.RunJob(station.Outbox, "job-tls");

        var seen = await center.WaitForAsync(m => m.Count(x => x.Topic == "station/HN-001/events") == 7, Patience, "7 events over mutual TLS");
        Assert.Equal("online", seen.First(m => m.Topic == "station/HN-001/state").Json["status"]!.GetValue<string>());
        await center.PublishAsync("station/HN-001/cmd/pause", """{"commandId":"tls-1"}""");
        var reply = (await center.WaitForAsync(m => m.Any(x => x.Topic == "station/HN-001/cmd-result"), Patience, "the pause result")).First(x => x.Topic == "station/HN-001/cmd-result");
        Assert.Equal("""{"commandId":"tls-1","ok":true,"result":{"paused":true}}""", reply.Payload);
    }

    [Fact]
    public async Task A_client_without_a_certificate_is_refused()
    {
        await Assert.ThrowsAnyAsync<Exception>(() => ConnectAsync(Tls(commonName: null)));
        await Assert.ThrowsAnyAsync<Exception>(() => ConnectAsync(tls: null)); // nor without TLS at all
    }

    [Fact]
    public async Task The_ACL_keeps_a_station_inside_its_own_namespace()
    {
        using var other = await ConnectAsync(Tls("HN-002"));

        var intrusion = await other.PublishAsync(new MqttApplicationMessageBuilder().WithTopic("station/HN-001/cmd/pause")
            .WithPayload("""{"commandId":"evil"}""").WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, intrusion.ReasonCode);

        // mosquitto 2.0.11 closes the connection after refusing a publish, so each check gets its own.
        using var honest = await ConnectAsync(Tls("HN-002"));
        var own = await honest.PublishAsync(new MqttApplicationMessageBuilder().WithTopic("station/HN-002/events")
            .WithPayload("{}").WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        Assert.True(own.ReasonCode is MqttClientPublishReasonCode.Success or MqttClientPublishReasonCode.NoMatchingSubscribers, own.ReasonCode.ToString());

        // mosquitto grants any subscription and applies the ACL per message: the spy must not get HN-001's traffic.
        await using var spy = await CenterObserver.StartAsync(Broker.Port, "station/#", tls: Tls("HN-002"));
        await using var center = await CenterObserver.StartAsync(Broker.Port, "center/none", tls: Tls("center"));
        await center.PublishAsync("station/HN-001/events", """{"secret":true}""");
        await center.PublishAsync("station/HN-002/marker", "{}"); // same publisher, so delivered after the secret
        var seen = await spy.WaitForAsync(m => m.Any(x => x.Topic == "station/HN-002/marker"), Patience, "the marker");
        Assert.DoesNotContain(seen, m => m.Topic.StartsWith("station/HN-001/", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        _broker?.Dispose();
        _pki.Dispose();
    }
}
