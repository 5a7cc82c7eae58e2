using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using MQTTnet;
using Station.Service.Center.Link;
using Station.Service.Tests.Center.Fixtures;
using RepositoryPaths = Station.Service.Tests.Testbed.RepositoryPaths;

namespace Station.Service.Tests.EndToEnd;

/// <summary>
/// The real <c>station run</c> over <c>mqtts://</c> to a mosquitto that requires client certificates and confines
/// each certificate's CN to its own <c>station/{CN}/#</c>: the station is configured only through <c>Center:*</c>
/// file settings, takes a job and reports it.
/// </summary>
public sealed class MutualTlsEndToEndTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private const string Station = "S8";
    private const string Acl = """
        user S8
        topic readwrite station/S8/#

        user center
        topic readwrite station/#
        """;

    private readonly TestCertificates _pki = new();
    private readonly MosquittoBroker _broker;

    public MutualTlsEndToEndTests() => _broker = MosquittoBroker.StartMutualTls(_pki, Acl);

    [Fact]
    public async Task A_station_with_its_client_certificate_connects_over_mutual_tls_and_reports_a_job()
    {
        var ca = new X509Certificate2Collection();
        ca.ImportFromPemFile(_pki.CaFile);
        var (centerCert, centerKey) = _pki.IssueClient("center");
        var centerIdentity = X509Certificate2.CreateFromPemFile(centerCert, centerKey);
        await using var center = await CenterObserver.StartAsync(_broker.Port, $"station/{Station}/#", tls: tls => tls
            .UseTls(true).WithTargetHost("127.0.0.1").WithClientCertificates([centerIdentity])
            .WithCertificateValidationHandler(a => CenterClientOptions.ValidateAgainstCa(a.Certificate, a.Chain, a.SslPolicyErrors, ca)));

        var (stationCert, stationKey) = _pki.IssueClient(Station);
        await using var process = StationRunProcess.Start(Station, $"mqtts://127.0.0.1:{_broker.Port.ToString(CultureInfo.InvariantCulture)}", 300, null,
            $"--Center:CaFile={_pki.CaFile}", $"--Center:ClientCertFile={stationCert}", $"--Center:ClientKeyFile={stationKey}");

        await center.WaitForAsync(m => m.Any(x => x.Topic == $"station/{Station}/state"), Patience, "the birth over mutual TLS");
        var applicant = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Combine("samples", "applicants", "vnm-01-nguyen-van-an.json")));
        await center.PublishAsync($"station/{Station}/cmd/assign-job", new JsonObject { ["commandId"] = "tls-1", ["applicant"] = applicant }.ToJsonString());
        var seen = await center.WaitForAsync(m => m.Any(x => x.Topic == $"station/{Station}/events" && x.Json["type"]!.GetValue<string>() is "JobCompleted" or "JobFailed"), Patience, "the job's end");

        Assert.Contains(seen, x => x.Topic == $"station/{Station}/events" && x.Json["type"]!.GetValue<string>() == "JobCompleted");
        Assert.True(seen.Single(x => x.Topic == $"station/{Station}/cmd-result").Json["ok"]!.GetValue<bool>());
        Assert.DoesNotContain("plain MQTT", process.Log, StringComparison.Ordinal); // no plaintext warning over TLS
    }

    public void Dispose()
    {
        _broker.Dispose();
        _pki.Dispose();
    }
}
