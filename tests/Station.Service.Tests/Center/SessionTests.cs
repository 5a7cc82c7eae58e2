using LiteDB;
using Station.Service.Center;
using Station.Service.Center.Session;

namespace Station.Service.Tests.Center;

public sealed class SessionTests
{
    [Fact]
    public void Seq_starts_at_zero_on_birth_and_wraps_after_255()
    {
        var sequence = new MessageSequence();
        var numbers = Enumerable.Range(0, 258).Select(_ => sequence.Next()).ToList();
        Assert.Equal([0, 1, 2], numbers[..3]);
        Assert.Equal([254, 255, 0, 1], numbers[254..]);
        sequence.Reset();
        Assert.Equal(0, sequence.Next());
    }

    [Fact]
    public void BdSeq_is_persisted_incremented_per_connect_and_wraps_after_255()
    {
        using var database = new LiteDatabase(new MemoryStream(), new BsonMapper());
        var first = new LinkStateStore(database);
        Assert.Equal(0, first.NextBdSeq());
        Assert.Equal(1, first.NextBdSeq());
        var afterRestart = new LinkStateStore(database);
        Assert.Equal(2, afterRestart.NextBdSeq());
        for (var i = 3; i <= 255; i++) afterRestart.NextBdSeq();
        Assert.Equal(0, afterRestart.NextBdSeq());
    }

    [Fact]
    public void Backoff_doubles_with_jitter_within_bounds_and_resets()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), new Random(42));
        var delays = Enumerable.Range(0, 8).Select(_ => backoff.NextDelay().TotalSeconds).ToList();
        double[] ceilings = [1, 2, 4, 8, 10, 10, 10, 10];
        for (var i = 0; i < delays.Count; i++)
            Assert.InRange(delays[i], ceilings[i] / 2, ceilings[i]);
        backoff.Reset();
        Assert.InRange(backoff.NextDelay().TotalSeconds, 0.5, 1);
    }

    [Theory]
    [InlineData("station/HN-001/cmd/assign-job", "assign-job")]
    [InlineData("station/HN-001/cmd/whatever", "whatever")]
    [InlineData("station/HN-002/cmd/assign-job", null)]
    [InlineData("station/HN-001/cmd/", null)]
    [InlineData("station/HN-001/cmd/a/b", null)]
    [InlineData("station/HN-001/events", null)]
    public void Only_this_stations_command_topics_yield_a_command_name(string topic, string? expected)
    {
        Assert.Equal(expected, new CenterTopics("HN-001").CommandName(topic));
    }

    [Fact]
    public void Death_document_is_exactly_status_and_bdSeq()
    {
        Assert.Equal("""{"status":"offline","bdSeq":17}""", StateMessages.Death(17).ToJsonString());
    }
}
