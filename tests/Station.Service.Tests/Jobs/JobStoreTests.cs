using Station.Service.Events;
using Station.Service.Jobs;
using Station.Service.Stock;
using Station.Service.Tests.TestSupport;

namespace Station.Service.Tests.Jobs;

public sealed class JobStoreTests : IDisposable
{
    private readonly TestStation _station = TestStation.Create();

    [Fact]
    public void AJobEndsExactlyOnce()
    {
        var job = _station.Submit("A-1");
        _station.Jobs.Change(job, c =>
        {
            c.MoveTo(JobState.Encoding);
            c.TakeCard();
            c.Complete();
        });

        var error = Assert.Throws<JobAlreadyEndedException>(() => _station.Jobs.Change(job, c => c.Fail("Late", "too late")));
        Assert.Equal(JobState.Completed, error.State);
        Assert.Throws<JobAlreadyEndedException>(() => _station.Jobs.Change(job, c => c.Cancel("too late")));

        var stored = _station.Job(job);
        Assert.Equal(JobState.Completed, stored.State);
        Assert.Null(stored.FailureReason);
        Assert.Single(_station.Events(), e => e.Type == EventTypes.JobCompleted);
        Assert.DoesNotContain(_station.Events(), e => e.Type is EventTypes.JobFailed or EventTypes.JobCancelled);
    }

    [Fact]
    public void EndingTwiceInOneChangeIsRefusedAndRolledBack()
    {
        var job = _station.Submit("A-1");
        Assert.Throws<JobAlreadyEndedException>(() => _station.Jobs.Change(job, c =>
        {
            c.Fail("First", "first");
            c.Cancel("second");
        }));
        Assert.Equal(JobState.Queued, _station.Job(job).State);
    }

    [Fact]
    public void AFailedChangeCommitsNothingNeitherJobNorCardNorEvent()
    {
        var job = _station.Submit("A-1");
        var eventsBefore = _station.Events().Count;
        Assert.Throws<InvalidOperationException>(() => _station.Jobs.Change(job, c =>
        {
            c.MoveTo(JobState.Encoding);
            c.TakeCard();
            c.Intent("printer.feed");
            throw new InvalidOperationException("boom");
        }));

        var stored = _station.Job(job);
        Assert.Equal(JobState.Queued, stored.State);
        Assert.Null(stored.CardSerial);
        Assert.Equal(eventsBefore, _station.Events().Count);
        Assert.Equal(0, _station.Stock.Summary().InUse);
        Assert.Equal(_station.Stock.Summary(), _station.Stock.VerifyIdentity());
    }

    [Fact]
    public void TransitionsAreRecordedWithTheirEventsInTheSameCommit()
    {
        var job = _station.Submit("A-1");
        _station.Jobs.Change(job, c =>
        {
            c.MoveTo(JobState.Capturing);
            c.Intent("camera.capture");
        });

        var stored = _station.Job(job);
        Assert.True(stored.HasOpenIntent);
        Assert.Equal([JobRecordKind.Transition, JobRecordKind.Transition, JobRecordKind.Intent], stored.History.Select(r => r.Kind));
        var changed = Assert.Single(_station.Events(), e => e.Type == EventTypes.JobStateChanged);
        Assert.Equal(("Capturing", job), (changed.Data["state"]!.GetValue<string>(), changed.Data["jobId"]!.GetValue<string>()));
    }

    [Fact]
    public void ByDefaultTheCenterHearsOfCapturingEncodingAndPrintingAndAFailureNamesItsState()
    {
        var job = _station.Submit("A-1");
        foreach (var state in (JobState[])[JobState.Capturing, JobState.Preparing, JobState.Encoding, JobState.Verifying])
            _station.Jobs.Change(job, c => c.MoveTo(state));
        _station.Jobs.Change(job, c => c.Fail("VerifyFailed", "read-back differs"));

        Assert.Equal(["Capturing", "Encoding"], _station.Events().Where(e => e.Type == EventTypes.JobStateChanged).Select(e => e.Data["state"]!.GetValue<string>()));
        var failed = Assert.Single(_station.Events(), e => e.Type == EventTypes.JobFailed).Data;
        Assert.Equal(("Verifying", "VerifyFailed"), (failed["state"]!.GetValue<string>(), failed["reason"]!.GetValue<string>()));
        Assert.Equal(6, _station.Job(job).History.Count(r => r.Kind == JobRecordKind.Transition)); // its own history keeps every step, from Queued to Failed
    }

    [Fact]
    public void EveryStateCanBeReportedAndNoneAtAll()
    {
        using var every = TestStation.Create(settings: new Dictionary<string, string?> { ["Events:ReportedJobStates"] = "capturing, Preparing,Encoding,Verifying,Printing" });
        using var none = TestStation.Create(settings: new Dictionary<string, string?> { ["Events:ReportedJobStates"] = "" });
        foreach (var station in (TestStation[])[every, none])
        {
            var job = station.Submit("A-1");
            foreach (var state in EventOptions.ReportableStates)
                station.Jobs.Change(job, c => c.MoveTo(state));
        }

        Assert.Equal(EventOptions.ReportableStates.Select(s => s.ToString()),
            every.Events().Where(e => e.Type == EventTypes.JobStateChanged).Select(e => e.Data["state"]!.GetValue<string>()));
        Assert.Equal([EventTypes.JobAccepted], none.Events().Select(e => e.Type));
    }

    [Fact]
    public void FailSpoilsAHeldCardAndRecordsTheReason()
    {
        var job = _station.Submit("A-1");
        _station.Jobs.Change(job, c =>
        {
            c.MoveTo(JobState.Encoding);
            c.TakeCard();
        });
        _station.Jobs.Change(job, c => c.Fail("EncodingFailed", "no luck", SpoilReason.ChipWriteFailed));

        var stored = _station.Job(job);
        Assert.Equal(("EncodingFailed", "no luck"), (stored.FailureReason!.Code, stored.FailureReason.Message));
        var card = Assert.Single(_station.Stock.Cards(), c => c.State == CardState.Spoiled);
        Assert.Equal(SpoilReason.ChipWriteFailed, card.Reason);
        var spoiled = Assert.Single(_station.Events(), e => e.Type == EventTypes.CardSpoiled);
        Assert.Equal(card.Serial, spoiled.Data["serial"]!.GetValue<string>());
    }

    [Fact]
    public void MoveToRefusesFinalStates()
    {
        var job = _station.Submit("A-1");
        Assert.Throws<ArgumentException>(() => _station.Jobs.Change(job, c => c.MoveTo(JobState.Completed)));
    }

    [Fact]
    public void UnknownJobIsReported()
    {
        Assert.Throws<KeyNotFoundException>(() => _station.Jobs.Change("nope", c => c.Intent("x")));
    }

    public void Dispose() => _station.Dispose();
}
