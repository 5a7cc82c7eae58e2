using Station.Service.Jobs;
using Station.Service.Pipeline;
using Station.Service.Stock;
using Station.Service.Tests.TestSupport;

namespace Station.Service.Tests.Pipeline;

/// <summary>The next job is captured and prepared while the current one gets its card; cards still go out in job order.</summary>
public sealed class PrepareAheadTests : IDisposable
{
    private readonly string _dir = TestStation.NewDataDir();

    [Fact]
    public async Task WhileOneJobGetsItsCardTheNextIsCapturedAndPreparedButGetsNoCard()
    {
        using var station = TestStation.Create(_dir);
        var first = station.Submit("HN-1");
        var second = station.Submit("HN-2");
        var third = station.Submit("HN-3");
        var pipeline = station.Get<IssuancePipeline>();

        Assert.Equal(PipelineTurn.Worked, await pipeline.RunNextAsync(CancellationToken.None));

        Assert.Equal(JobState.Completed, station.Job(first).State);
        var next = station.Job(second);
        Assert.Equal(JobState.Preparing, next.State);
        Assert.Null(next.CardSerial);
        Assert.Equal(2, next.History.Count(r => r.Kind == JobRecordKind.Outcome && r.Action == DeviceActions.FingerprintCapture));
        Assert.True(station.Get<PreparedCardCache>().TryGet(second, out _));
        Assert.Equal(JobState.Queued, station.Job(third).State); // one job ahead, no more
        Assert.Equal(2, station.Builder.Built.Count); // the first job's card and the second's, built ahead

        while (await pipeline.RunNextAsync(CancellationToken.None) != PipelineTurn.Idle)
        {
        }

        Assert.Equal(["VN000000001", "VN000000002", "VN000000003"], new[] { first, second, third }.Select(j => station.Job(j).CardSerial));
        Assert.Equal(3, station.Builder.Built.Count); // each job prepared once: the card prepared ahead was the one issued
        IssuancePipelineTests.AssertEveryIntentHasItsOutcome(station.Job(second));
    }

    [Fact]
    public async Task AJobCancelledWhileItIsPreparedAheadEndsCancelledWithoutACard()
    {
        using var station = TestStation.Create(_dir);
        var first = station.Submit("HN-1");
        var second = station.Submit("HN-2");
        var pipeline = station.Get<IssuancePipeline>();
        await pipeline.RunNextAsync(CancellationToken.None);
        var cache = station.Get<PreparedCardCache>();
        Assert.True(cache.TryGet(second, out _)); // prepared ahead: its chip keys are in memory

        Assert.True(station.Control.Cancel(second).Cancelled);
        Assert.Equal(PipelineTurn.Idle, await pipeline.RunNextAsync(CancellationToken.None));
        Assert.Equal(0, cache.Count); // and gone with the cancelled job
        Assert.Equal((JobState.Completed, JobState.Cancelled), (station.Job(first).State, station.Job(second).State));
        Assert.Equal(1, station.Stock.VerifyIdentity().Issued);
        Assert.Equal(0, station.Stock.VerifyIdentity().InUse);
    }

    [Fact]
    public async Task AFileWrittenBeforeTheWorkListExistedHasItsOpenJobsListedAtOpen()
    {
        string first, second;
        using (var station = TestStation.Create(_dir))
        {
            first = station.Submit("HN-1");
            second = station.Submit("HN-2");
            await station.RunJobAsync(first);
            Assert.True(station.Database.Database.DropCollection("open_jobs")); // as a file of the previous version
        }

        using var reopened = TestStation.Create(_dir);
        Assert.Equal([second], reopened.Database.OpenJobs.FindAll().Select(o => o.Id));
        Assert.Equal([(second, JobState.Queued)], reopened.Jobs.OldestUnfinished(2));
    }

    [Fact]
    public void ANewFileHasItsWorkListCollectionFromTheStart()
    {
        using (TestStation.Create(_dir))
        {
        }

        // Created when the file is opened, not by the first job: LiteDB issue 2792 (see StationDatabase.EnsureIndexes).
        using var reopened = TestStation.Create(_dir);
        Assert.True(reopened.Database.Database.CollectionExists("open_jobs"));
        Assert.Empty(reopened.Database.OpenJobs.FindAll());
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
