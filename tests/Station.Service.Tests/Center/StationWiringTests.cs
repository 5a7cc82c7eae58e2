using System.Text.Json.Nodes;
using LiteDB;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Station.Service.Center;
using Station.Service.Center.Outbox;
using Station.Service.Center.Telemetry;
using Station.Service.Events;
using Station.Service.Hosting;
using Station.Service.Jobs;
using Station.Service.Tests.TestSupport;

namespace Station.Service.Tests.Center;

/// <summary>The center link on the station's own composition: shared database, one station id, the telemetry source, the event sink's payloads.</summary>
public sealed class StationWiringTests : IDisposable
{
    private readonly List<TestStation> _stations = [];

    private TestStation Station(params (string Key, string Value)[] settings)
    {
        var values = settings.ToDictionary(s => s.Key, s => (string?)s.Value);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var station = TestStation.Create(settings: values, configure: services =>
        {
            services.AddSingleton<IConfiguration>(configuration);
            services.AddLogging();
            services.AddStationCenterLink(configuration);
        });
        _stations.Add(station);
        return station;
    }

    [Fact]
    public void The_job_store_and_the_center_link_share_one_database_and_events_have_the_flat_center_payload_shape()
    {
        var station = Station(("Station:StationId", "HN-100"));
        Assert.Same(station.Database.Database, station.Get<ILiteDatabase>());

        var jobId = station.Submit("A-2026-000001");
        var stored = Assert.Single(station.Get<OutboxStore>().ReadOldest(10));
        Assert.Equal((OutboxStore.EventKind, CenterTopics.EventsLevel), (stored.Kind, stored.Topic));
        var payload = JsonNode.Parse(stored.Payload)!.AsObject();
        Assert.Equal(["eventId", "type", "time", "jobId", "applicationId", "source"], payload.Select(p => p.Key));
        Assert.Equal(EventTypes.JobAccepted, payload["type"]!.GetValue<string>());
        Assert.Matches("^[A-Za-z0-9_-]{16}$", payload["eventId"]!.GetValue<string>());
        Assert.InRange(DateTimeOffset.FromUnixTimeMilliseconds(payload["time"]!.GetValue<long>()), DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow);
        Assert.Equal(jobId, payload["jobId"]!.GetValue<string>());
    }

    [Fact]
    public void A_job_event_wakes_the_outbox_drainer_once_its_transaction_is_committed()
    {
        var station = Station(("Station:StationId", "HN-100"));
        var outbox = station.Get<OutboxStore>();
        var wakeUps = new List<int>();
        // What the drainer, on its own thread, finds when woken (-1: it could not read within 5 s).
        outbox.Appended += () =>
        {
            var drainerRead = Task.Run(() => outbox.ReadOldest(10).Count);
            wakeUps.Add(drainerRead.Wait(TimeSpan.FromSeconds(5)) ? drainerRead.Result : -1);
        };

        station.Submit("A-2026-000001");

        // One wake-up, after the commit: the drainer finds the JobAccepted it was woken for.
        Assert.Equal([1], wakeUps);
    }

    [Fact]
    public void The_station_id_has_one_source_and_a_different_center_id_is_refused()
    {
        var options = Station(("Station:StationId", "HN-101")).Get<IOptions<CenterOptions>>().Value;
        Assert.Equal("HN-101", options.StationId);

        var conflicting = Station(("Station:StationId", "HN-101"), ("Center:StationId", "HN-102"));
        var failure = Assert.Throws<OptionsValidationException>(() => conflicting.Get<IOptions<CenterOptions>>().Value);
        Assert.Contains("Center:StationId differs from Station:StationId", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_center_reports_the_data_directory_free_space()
    {
        var station = Station();
        Assert.Equal(station.DataDir, station.Get<IOptions<CenterOptions>>().Value.DataDirectory);
    }

    [Fact]
    public async Task Telemetry_reports_the_four_devices_the_stock_and_the_jobs_not_yet_ended()
    {
        var station = Station();
        var source = station.Get<ITelemetrySource>();
        var done = station.Submit("A-2026-000010");
        station.Submit("A-2026-000011");
        Assert.Equal(2, source.Capture().QueueDepth);

        await station.RunJobAsync(done);
        Assert.Equal(JobState.Completed, station.Job(done).State);
        var snapshot = source.Capture();
        Assert.Equal(1, snapshot.QueueDepth);
        Assert.Equal(new Dictionary<string, int> { ["blank"] = 9, ["inUse"] = 0, ["issued"] = 1, ["spoiled"] = 0 }, snapshot.Stock);
        Assert.Equal(["camera", "fingerprint", "printer", "encoder"], snapshot.Devices.Select(d => d.Kind));
        Assert.All(snapshot.Devices, d => Assert.Contains(d.State, new[] { "ok", "warning", "fault" }));
    }

    [Fact]
    public void The_birth_describes_the_station_and_its_configuration_hash_follows_the_configuration()
    {
        var first = Station(("Station:StationId", "HN-103"), ("Center:UserName", "HN-103")).Get<ITelemetrySource>().Describe();
        // Another station configured alike: its own id and broker user name are not drift.
        var same = Station(("Station:StationId", "HN-104"), ("Center:UserName", "HN-104")).Get<ITelemetrySource>().Describe();
        var other = Station(("Station:StationId", "HN-103"), ("Center:UserName", "HN-103"), ("Pipeline:EncodeAttempts", "5")).Get<ITelemetrySource>().Describe();

        Assert.Equal(["camera", "fingerprint", "printer", "encoder"], first.Devices.Select(d => d.Kind));
        Assert.Contains("VNM", first.Profile.Split(','));
        Assert.Contains("issue", first.Capabilities);
        Assert.Matches("^sha256:[0-9a-f]{16}$", first.ConfigHash);
        Assert.Equal(first.ConfigHash, same.ConfigHash);
        Assert.NotEqual(first.ConfigHash, other.ConfigHash);
    }

    [Fact]
    public void Event_ids_are_sixteen_base64url_characters_and_do_not_repeat()
    {
        var ids = Enumerable.Range(0, 10_000).Select(_ => OutboxEventSink.NewEventId()).ToList();
        Assert.All(ids, id => Assert.Matches("^[A-Za-z0-9_-]{16}$", id));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    public void Dispose()
    {
        foreach (var station in _stations) station.Dispose();
    }
}
