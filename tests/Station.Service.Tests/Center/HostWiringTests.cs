using Microsoft.Extensions.Options;
using Station.Service.Center.Outbox;
using Station.Service.Tests.Center.Fixtures;
using Xunit.Abstractions;

namespace Station.Service.Tests.Center;

/// <summary>AddCenterLink on a real host: start-up validation, offline mode, and broker passwords.</summary>
public sealed class HostWiringTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private static string NewDatabase() => Path.Combine(MosquittoBroker.TempDirectory(), "station.db");

    [Fact]
    public async Task The_host_refuses_to_start_with_plain_mqtt_not_explicitly_allowed()
    {
        var settings = StationHarness.Settings("HN-010", "mqtt://127.0.0.1:1883", ("AllowPlaintext", "false"));
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => StationHarness.StartAsync(NewDatabase(), settings));
        Assert.Contains("use mqtts:// or set Center:AllowPlaintext to true explicitly", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_broker_the_station_works_offline_and_keeps_telemetry_in_the_outbox()
    {
        await using var station = await StationHarness.StartAsync(NewDatabase(), StationHarness.Settings("HN-011", null), new XunitLoggerProvider(output));
        var deadline = DateTime.UtcNow + Patience;
        while (station.Outbox.ReadOldest(10).All(m => m.Kind != OutboxStore.TelemetryKind) && DateTime.UtcNow < deadline) await Task.Delay(20);

        var sample = Assert.Single(station.Outbox.ReadOldest(10), m => m.Kind == OutboxStore.TelemetryKind);
        Assert.Equal("telemetry", sample.Topic);
        Assert.Contains("\"stock\":{\"blank\":480,\"spoiled\":3}", sample.Payload, StringComparison.Ordinal);
        Assert.False(station.Link.IsConnected);
    }

    [Fact]
    public async Task A_password_from_a_file_or_a_systemd_credential_lets_the_station_in_and_a_wrong_one_does_not()
    {
        using var broker = MosquittoBroker.StartWithPassword("HN-012", "s3cret");
        var folder = MosquittoBroker.TempDirectory();
        File.WriteAllText(Path.Combine(folder, "good"), "s3cret\n");
        File.WriteAllText(Path.Combine(folder, "bad"), "guess\n");
        var credentials = Directory.CreateDirectory(Path.Combine(folder, "credentials")).FullName;
        File.WriteAllText(Path.Combine(credentials, "mqtt-password"), "s3cret");

        await using (var station = await StationHarness.StartAsync(NewDatabase(),
            StationHarness.Settings("HN-012", StationHarness.PlainBroker(broker.Port), ("UserName", "HN-012"), ("PasswordFile", Path.Combine(folder, "good")))))
        {
            await station.WaitConnectedAsync(Patience);
        }

        Environment.SetEnvironmentVariable("CREDENTIALS_DIRECTORY", credentials);
        try
        {
            await using var station = await StationHarness.StartAsync(NewDatabase(),
                StationHarness.Settings("HN-012", StationHarness.PlainBroker(broker.Port), ("UserName", "HN-012")));
            await station.WaitConnectedAsync(Patience);
        }
        finally
        {
            Environment.SetEnvironmentVariable("CREDENTIALS_DIRECTORY", null);
        }

        await using var refused = await StationHarness.StartAsync(NewDatabase(),
            StationHarness.Settings("HN-012", StationHarness.PlainBroker(broker.Port), ("UserName", "HN-012"), ("PasswordFile", Path.Combine(folder, "bad"))),
            new XunitLoggerProvider(output));
        await Task.Delay(1500); // several connection attempts with the 0.2-1 s test backoff
        Assert.False(refused.Link.IsConnected);
        Assert.Null(refused.Link.CurrentBdSeq);
    }
}
