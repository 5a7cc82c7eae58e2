using System.Text.Json.Nodes;
using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Station.Service.Center;
using Station.Service.Center.Outbox;
using Station.Service.Center.Session;
using Station.Service.Center.Telemetry;
using Station.Service.Tests.Center.Fixtures;

namespace Station.Service.Tests.Center;

public sealed class TelemetryServiceTests : IDisposable
{
    private readonly LiteDatabase _database = new(new MemoryStream(), new BsonMapper());

    private (TelemetryService Service, OutboxStore Outbox) Create(int maxMessages)
    {
        var options = Options.Create(new CenterOptions { StationId = "S", OutboxMaxMessages = maxMessages, DataDirectory = Path.GetTempPath() });
        var outbox = new OutboxStore(_database);
        var state = new LinkStateStore(_database);
        var service = new TelemetryService(new FakeTelemetrySource(), outbox,
            new TelemetryThinner(outbox, state, options, NullLogger<TelemetryThinner>.Instance),
            new TelemetryReporter(options), state, options, TimeProvider.System, NullLogger<TelemetryService>.Instance);
        return (service, outbox);
    }

    private static bool IsFull(OutboxStore outbox, long id) =>
        JsonNode.Parse(outbox.ReadOldest(1000).Single(m => m.Id == id).Payload)!["full"]?.GetValue<bool>() == true;

    [Fact]
    public void The_first_sample_is_full_the_next_carry_changes_and_the_one_after_thinning_is_full_again()
    {
        var (service, outbox) = Create(maxMessages: 4);

        var first = service.SampleOnce();
        var second = service.SampleOnce();
        Assert.True(IsFull(outbox, first));
        Assert.False(IsFull(outbox, second));
        Assert.Null(JsonNode.Parse(outbox.ReadOldest(10).Single(m => m.Id == second).Payload)!["devices"]); // unchanged: not sent

        service.SampleOnce(); // the third: thinned below
        var fourth = service.SampleOnce();
        var thinning = service.SampleOnce(); // the fifth is over the budget of four
        // Of the change-only samples every second goes, the full one stays (thinning all samples alike would have
        // dropped the second and kept the third).
        Assert.Equal([first, second, fourth, thinning], outbox.ReadOldest(10).Select(m => m.Id));
        var after = service.SampleOnce();
        Assert.True(IsFull(outbox, after), "the sample after thinning restores the center's picture");
        Assert.True(after > thinning);
    }

    [Fact]
    public void A_full_sample_can_be_asked_for_at_once()
    {
        var (service, outbox) = Create(maxMessages: 1000);
        service.SampleOnce();
        Assert.False(IsFull(outbox, service.SampleOnce()));
        Assert.True(IsFull(outbox, service.SampleFullNow()));
    }

    public void Dispose() => _database.Dispose();
}
