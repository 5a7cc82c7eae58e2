using Station.Service.Events;
using Station.Service.Hosting;
using Station.Service.Jobs;
using Station.Service.Pipeline;
using Station.Service.Stock;
using Station.Service.Tests.TestSupport;

namespace Station.Service.Tests.Jobs;

public sealed class StationControlTests : IDisposable
{
    private readonly TestStation _station = TestStation.Create();

    [Fact]
    public void SubmittingTheSameContentAgainReturnsTheExistingJob()
    {
        var first = _station.Control.Submit("""{"applicationId":"HN-1","fullName":"Nguyễn Văn An"}""", "cli");
        // Same content, other key order and layout.
        var again = _station.Control.Submit("""
            { "fullName": "Nguyễn Văn An",
              "applicationId": "HN-1" }
            """, "center");

        Assert.True(first.Accepted);
        Assert.False(first.AlreadyExisted);
        Assert.True(again.Accepted);
        Assert.True(again.AlreadyExisted);
        Assert.Equal(first.JobId, again.JobId);
        Assert.Single(_station.Jobs.All());
        Assert.Single(_station.Events(), e => e.Type == EventTypes.JobAccepted);
    }

    [Fact]
    public async Task ANewJobAndAResumeWakeThePipelineARepeatOrARejectionDoesNot()
    {
        var work = _station.Get<WorkSignal>();

        _station.Control.Submit(StubApplicantIntake.Document("HN-1", "Nguyễn Văn An"), "cli");
        Assert.True(await work.WaitAsync(TimeSpan.Zero, CancellationToken.None));

        _station.Control.Submit(StubApplicantIntake.Document("HN-1", "Nguyễn Văn An"), "cli"); // the same job again
        _station.Control.Submit(StubApplicantIntake.Document("HN-1", "Trần Thị Bình"), "cli"); // refused
        _station.Control.Submit("{ not json", "cli");
        Assert.False(await work.WaitAsync(TimeSpan.Zero, CancellationToken.None));

        _station.Control.Pause();
        Assert.False(await work.WaitAsync(TimeSpan.Zero, CancellationToken.None));
        _station.Control.Resume();
        Assert.True(await work.WaitAsync(TimeSpan.Zero, CancellationToken.None));
    }

    [Fact]
    public void TheSameApplicationIdWithOtherContentIsRejected()
    {
        var first = _station.Control.Submit(StubApplicantIntake.Document("HN-1", "Nguyễn Văn An"), "cli");
        var other = _station.Control.Submit(StubApplicantIntake.Document("HN-1", "Trần Thị Bình"), "cli");

        Assert.False(other.Accepted);
        Assert.Equal(first.JobId, other.JobId);
        Assert.Contains("different content", other.Error, StringComparison.Ordinal);
        Assert.Equal("applicationId", Assert.Single(other.Errors).Field);
        Assert.Equal("Nguyễn Văn An", ApplicantSnapshotName(first.JobId!));
    }

    [Theory]
    [InlineData("{ not json", "$")]
    [InlineData("[1,2]", "$")]
    [InlineData("""{"applicationId": 42, "fullName": "A"}""", "applicationId")]
    [InlineData("""{"applicationId": "HN-1"}""", "fullName")]
    public void InvalidDocumentsStoreNothingAndNameTheField(string json, string field)
    {
        var outcome = _station.Control.Submit(json, "cli");
        Assert.False(outcome.Accepted);
        Assert.Null(outcome.JobId);
        Assert.Contains(outcome.Errors, e => e.Field == field);
        Assert.Empty(_station.Jobs.All());
        Assert.Empty(_station.Events());
    }

    [Fact]
    public void CancelEndsTheJobAndSpoilsItsCard()
    {
        var job = _station.Submit("HN-1");
        _station.Jobs.Change(job, c =>
        {
            c.MoveTo(JobState.Encoding);
            c.TakeCard();
        });

        Assert.Equal(new CancelOutcome(true, null), _station.Control.Cancel(job));
        Assert.Equal(JobState.Cancelled, _station.Job(job).State);
        Assert.Equal(SpoilReason.Cancelled, Assert.Single(_station.Stock.Cards(), c => c.State == CardState.Spoiled).Reason);

        var again = _station.Control.Cancel(job);
        Assert.False(again.Cancelled);
        Assert.Contains("already ended (Cancelled)", again.Error, StringComparison.Ordinal);
        Assert.Contains("No job", _station.Control.Cancel("missing").Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AJobWhoseCardIsBeingPrintedCannotBeCancelled()
    {
        var job = _station.Submit("HN-1");
        _station.Jobs.Change(job, c =>
        {
            c.MoveTo(JobState.Encoding);
            c.TakeCard();
            c.MoveTo(JobState.Verifying);
            c.MoveTo(JobState.Printing);
            c.Intent(DeviceActions.PrinterEject);
        });
        var before = _station.Job(job);

        var outcome = _station.Control.Cancel(job);

        Assert.False(outcome.Cancelled);
        Assert.Contains("being printed", outcome.Error, StringComparison.Ordinal);
        // Nothing of the refused cancel is stored: the job, its card and the outbox are as they were.
        var after = _station.Job(job);
        Assert.Equal((JobState.Printing, before.History.Count), (after.State, after.History.Count));
        Assert.Equal(CardState.InUse, Assert.Single(_station.Stock.Cards(), c => c.Serial == after.CardSerial).State);
        Assert.DoesNotContain(_station.Events(), e => e.Type == EventTypes.JobCancelled);
    }

    [Fact]
    public void PauseAndResume()
    {
        _station.Control.Pause();
        Assert.True(_station.Control.IsPaused);
        _station.Control.Resume();
        Assert.False(_station.Control.IsPaused);
    }

    private string? ApplicantSnapshotName(string jobId) => ApplicantSnapshot.Read(_station.Job(jobId)).FullName;

    public void Dispose() => _station.Dispose();
}
