using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Station.Service.Events;
using Station.Service.Jobs;
using Station.Service.Pipeline;
using Station.Service.Stock;
using Station.Service.Tests.TestSupport;

namespace Station.Service.Tests.Pipeline;

public sealed class IssuancePipelineTests : IDisposable
{
    private readonly TestStation _station = TestStation.Create();

    [Fact]
    public async Task AJobWalksEveryStateAndIssuesOneCard()
    {
        var job = _station.Submit("HN-1");
        Assert.Equal(StepResult.Ended, await _station.RunJobAsync(job));

        var stored = _station.Job(job);
        Assert.Equal(JobState.Completed, stored.State);
        Assert.Equal("VN000000001", stored.CardSerial);
        Assert.Equal(
            ["→Queued", "Queued→Capturing", "Capturing→Preparing", "Preparing→Encoding", "Encoding→Verifying", "Verifying→Printing", "Printing→Completed"],
            stored.History.Where(r => r.Kind == JobRecordKind.Transition).Select(r => r.Action));
        Assert.Equal(
            [DeviceActions.CameraCapture, DeviceActions.FingerprintCapture, DeviceActions.FingerprintCapture, DeviceActions.PrinterFeed,
             DeviceActions.ChipWrite, DeviceActions.ChipVerify, DeviceActions.PrinterPrint, DeviceActions.PrinterEject],
            stored.History.Where(r => r.Kind == JobRecordKind.Intent).Select(r => r.Action));
        AssertEveryIntentHasItsOutcome(stored);

        var card = Assert.Single(_station.Stock.Cards(), c => c.State == CardState.Issued);
        Assert.Equal(job, card.JobId);
        Assert.Equal(1, _station.Stock.VerifyIdentity().Issued);
        Assert.Equal([EventTypes.JobAccepted, EventTypes.JobCompleted], _station.Events().Select(e => e.Type).Where(t => t != EventTypes.JobStateChanged));
        Assert.Empty(_station.Database.Artifacts.FindAll()); // biometrics are not kept once the job ended
    }

    [Fact]
    public async Task EveryDeviceActionStartsWithItsIntentAndEveryEarlierOutcomeCommitted()
    {
        var job = _station.Submit("HN-1");
        var started = new List<string>();
        _station.Crash.Observe = action =>
        {
            var committed = _station.Job(job); // read back from station.db, not from the pipeline's memory
            var history = committed.History.Where(r => r.Kind != JobRecordKind.Transition).ToList();
            Assert.Equal((JobRecordKind.Intent, action), (history[^1].Kind, history[^1].Action));
            AssertEveryIntentHasItsOutcome(new Job { Id = job, History = history[..^1] });
            started.Add(action);
        };

        Assert.Equal(StepResult.Ended, await _station.RunJobAsync(job));
        Assert.Equal(
            [DeviceActions.CameraCapture, DeviceActions.FingerprintCapture, DeviceActions.FingerprintCapture, DeviceActions.PrinterFeed,
             DeviceActions.ChipWrite, DeviceActions.ChipVerify, DeviceActions.PrinterPrint, DeviceActions.PrinterEject],
            started);
        AssertEveryIntentHasItsOutcome(_station.Job(job));
    }

    [Fact]
    public async Task CapturedBiometricsAreWhatPreparationGets()
    {
        var job = _station.Submit("HN-1");
        await _station.RunJobAsync(job);
        var built = Assert.Single(_station.Builder.Built);
        Assert.Equal([0xFF, 0xD8], built.FaceJpeg[..2]);
        Assert.Equal(CaptureStep.Fingers, built.Fingers.Select(f => f.Position));
        Assert.All(built.Fingers, f => Assert.Equal(256 * 288, f.Gray8Pixels.Length));
    }

    [Fact]
    public async Task APortraitBroughtByTheApplicantSkipsTheCamera()
    {
        byte[] photo = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3];
        var outcome = _station.Control.Submit(StubApplicantIntake.Document("HN-1", photoBase64: Convert.ToBase64String(photo)), "test");
        await _station.RunJobAsync(outcome.JobId!);

        Assert.Equal(photo, Assert.Single(_station.Builder.Built).FaceJpeg);
        Assert.DoesNotContain(_station.Job(outcome.JobId!).History, r => r.Action == DeviceActions.CameraCapture);
    }

    [Fact]
    public async Task AChipWriteFailureSpoilsThatCardAndTheNextCardIsIssued()
    {
        _station.Personalizer.WriteFailures.Enqueue(SpoilReason.ChipWriteFailed);
        var job = _station.Submit("HN-1");
        await _station.RunJobAsync(job);

        var stored = _station.Job(job);
        Assert.Equal(JobState.Completed, stored.State);
        Assert.Equal("VN000000002", stored.CardSerial);
        Assert.Equal(2, stored.AttemptsAt(JobState.Encoding));
        var spoiled = Assert.Single(_station.Stock.Cards(), c => c.State == CardState.Spoiled);
        Assert.Equal(("VN000000001", SpoilReason.ChipWriteFailed, job), (spoiled.Serial, spoiled.Reason, spoiled.JobId));
        Assert.Equal(1, _station.Get<Devices.Printer.SimulatedCardPrinter>().Counters.Rejected);
        Assert.Single(_station.Events(), e => e.Type == EventTypes.CardSpoiled);
        AssertEveryIntentHasItsOutcome(stored);
    }

    [Fact]
    public async Task AVerifyFailureGoesBackToEncodingWithANewCard()
    {
        _station.Personalizer.VerifyFailures.Enqueue(SpoilReason.VerifyFailed);
        var job = _station.Submit("HN-1");
        await _station.RunJobAsync(job);

        var stored = _station.Job(job);
        Assert.Equal(JobState.Completed, stored.State);
        Assert.Contains(stored.History, r => r.Action == "Verifying→Encoding");
        Assert.Equal(2, _station.Personalizer.Writes);
        Assert.Equal(SpoilReason.VerifyFailed, Assert.Single(_station.Stock.Cards(), c => c.State == CardState.Spoiled).Reason);
    }

    [Fact]
    public async Task PrinterJamsSpoilCardsWithReasonJamUntilThePrintBudgetIsSpent()
    {
        // Every 2nd operation that can jam does: feeds pass (1st, 3rd), prints jam (2nd, 4th); PrintAttempts is 2.
        using var station = TestStation.Create(settings: new Dictionary<string, string?> { ["Simulation:Faults"] = "jam=every:2" });
        var job = station.Submit("HN-1");
        await station.RunJobAsync(job);

        var spoiled = station.Stock.Cards().Where(c => c.State == CardState.Spoiled).ToList();
        Assert.Equal(["VN000000001", "VN000000002"], spoiled.Select(c => c.Serial));
        Assert.All(spoiled, c => Assert.Equal(SpoilReason.Jam, c.Reason));
        Assert.Equal("PrintingFailed", station.Job(job).FailureReason!.Code);
        Assert.Equal(station.Stock.Summary(), station.Stock.VerifyIdentity());
    }

    [Theory]
    [InlineData("cover-open")]
    [InlineData("hopper-empty")]
    public async Task APrinterThatDoesNotFeedMakesTheJobWaitAndSpendsNoCard(string fault)
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        using var station = TestStation.Create(
            settings: new Dictionary<string, string?> { ["Simulation:Faults"] = fault + "=every:2" },
            configure: services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        var first = station.Submit("HN-1");
        var second = station.Submit("HN-2");
        Assert.Equal(StepResult.Ended, await station.RunJobAsync(first));

        // The 2nd feed is refused: the card it took goes back to the head of the hopper and the job waits, alarmed.
        Assert.Equal(StepResult.Waiting, await station.RunJobAsync(second));
        var waiting = station.Job(second);
        Assert.Equal((JobState.Encoding, null), (waiting.State, waiting.CardSerial));
        Assert.Equal(0, DeviceActionRunner.FailuresAt(waiting, JobState.Encoding));
        Assert.Equal(CardState.InHopper, Assert.Single(station.Stock.Cards(), c => c.Serial == "VN000000002").State);
        Assert.True(station.Get<AlarmRaiser>().IsActive(CardIssuingStep.PrinterAlarm));
        AssertEveryIntentHasItsOutcome(waiting);

        // Tried again at once, it waits without a record: tries back off (WaitSeconds, doubled per refusal in a row).
        Assert.Equal(StepResult.Waiting, await station.RunJobAsync(second));
        Assert.Equal(waiting.History.Count, station.Job(second).History.Count);
        clock.Advance(TimeSpan.FromSeconds(2));

        // The 3rd feed works: the same card is fed and issued, nothing is spoiled, the alarm clears.
        Assert.Equal(StepResult.Ended, await station.RunJobAsync(second));
        Assert.Equal((JobState.Completed, "VN000000002"), (station.Job(second).State, station.Job(second).CardSerial));
        Assert.DoesNotContain(station.Stock.Cards(), c => c.State == CardState.Spoiled);
        Assert.False(station.Get<AlarmRaiser>().IsActive(CardIssuingStep.PrinterAlarm));
        Assert.Equal(station.Stock.Summary(), station.Stock.VerifyIdentity());
    }

    [Fact]
    public async Task ExhaustedEncodeRetriesFailTheJobWithTheReason()
    {
        _station.Personalizer.AlwaysFailWrites = true;
        var job = _station.Submit("HN-1");
        Assert.Equal(StepResult.Ended, await _station.RunJobAsync(job));

        var stored = _station.Job(job);
        Assert.Equal(JobState.Failed, stored.State);
        Assert.Equal("EncodingFailed", stored.FailureReason!.Code);
        Assert.Contains(SpoilReason.ChipWriteFailed, stored.FailureReason.Message, StringComparison.Ordinal);
        Assert.Equal(3, _station.Stock.Cards().Count(c => c is { State: CardState.Spoiled, Reason: SpoilReason.ChipWriteFailed }));
        Assert.Equal(0, _station.Stock.Summary().InUse);
        Assert.Single(_station.Events(), e => e.Type == EventTypes.JobFailed);
    }

    [Fact]
    public async Task CameraFaultsAreRetriedThenFailTheJob()
    {
        using var station = TestStation.Create(settings: new Dictionary<string, string?> { ["Simulation:Faults"] = "camera=1" });
        var job = station.Submit("HN-1");
        await station.RunJobAsync(job);

        var stored = station.Job(job);
        Assert.Equal(JobState.Failed, stored.State);
        Assert.Equal("CaptureFailed", stored.FailureReason!.Code);
        Assert.Equal(3, stored.AttemptsAt(JobState.Capturing));
        Assert.Equal(0, station.Stock.Summary().Loaded); // no card was touched
    }

    [Fact]
    public async Task AnUnavailableSignerMakesJobsWaitInPreparingWithOneAlarm()
    {
        _station.Builder.SignerUnavailable = true;
        var first = _station.Submit("HN-1");
        var second = _station.Submit("HN-2");
        var pipeline = _station.Get<IssuancePipeline>();

        Assert.Equal(PipelineTurn.Waiting, await pipeline.RunNextAsync(CancellationToken.None));
        Assert.Equal(PipelineTurn.Waiting, await pipeline.RunNextAsync(CancellationToken.None));
        Assert.Equal(JobState.Preparing, _station.Job(first).State);
        Assert.Equal(JobState.Preparing, _station.Job(second).State); // captured ahead, then waits for the signer too
        var alarm = Assert.Single(_station.Events(), e => e.Type == EventTypes.Alarm);
        Assert.Equal(PrepareStep.SignerAlarm, alarm.Data["code"]!.GetValue<string>());

        _station.Builder.SignerUnavailable = false;
        Assert.Equal(PipelineTurn.Worked, await pipeline.RunNextAsync(CancellationToken.None));
        Assert.Equal(PipelineTurn.Worked, await pipeline.RunNextAsync(CancellationToken.None));
        Assert.Equal(PipelineTurn.Idle, await pipeline.RunNextAsync(CancellationToken.None));
        Assert.Equal([JobState.Completed, JobState.Completed], new[] { first, second }.Select(j => _station.Job(j).State));
    }

    [Fact]
    public async Task AnUnavailableEncoderMakesTheJobWaitWithAnAlarmWithoutFeedingCards()
    {
        var encoder = (PresentChipEncoder)_station.Get<Devices.SmartCards.IChipEncoder>();
        encoder.Status = new Devices.DeviceStatus("ChipEncoder", "fault", "PcscUnavailable", "pcscd is not running: start it with 'systemctl start pcscd'");
        var job = _station.Submit("HN-1");

        Assert.Equal(StepResult.Waiting, await _station.RunJobAsync(job));
        Assert.Equal(StepResult.Waiting, await _station.RunJobAsync(job));
        Assert.Equal(JobState.Encoding, _station.Job(job).State);
        Assert.Null(_station.Job(job).CardSerial);
        Assert.Equal(new StockSummary(Loaded: 0, InHopper: 0, InUse: 0, Issued: 0, Spoiled: 0), _station.Stock.Summary()); // no feed, so not even the auto-load
        var alarm = Assert.Single(_station.Events(), e => e.Type == EventTypes.Alarm);
        Assert.Equal((CardIssuingStep.EncoderAlarm, "pcscd is not running: start it with 'systemctl start pcscd'"),
            (alarm.Data["code"]!.GetValue<string>(), alarm.Data["message"]!.GetValue<string>()));

        encoder.Status = new Devices.DeviceStatus("ChipEncoder", "ok", "NoCard");
        Assert.Equal(StepResult.Ended, await _station.RunJobAsync(job));
        Assert.Equal(JobState.Completed, _station.Job(job).State);
        Assert.False(_station.Get<AlarmRaiser>().IsActive(CardIssuingStep.EncoderAlarm));
    }

    [Fact]
    public async Task AnEmptyHopperWithoutAutoLoadWaitsWithAnAlarm()
    {
        using var station = TestStation.Create(settings: new Dictionary<string, string?> { ["Stock:AutoLoad"] = "false" });
        var job = station.Submit("HN-1");
        Assert.Equal(StepResult.Waiting, await station.RunJobAsync(job));
        Assert.Equal(JobState.Encoding, station.Job(job).State);
        Assert.Contains(station.Events(), e => e.Type == EventTypes.Alarm && e.Data["code"]!.GetValue<string>() == CardIssuingStep.HopperAlarm);

        station.Stock.Load("VN000000100", 1, "test");
        Assert.Equal(StepResult.Ended, await station.RunJobAsync(job));
        Assert.Equal("VN000000100", station.Job(job).CardSerial);
    }

    [Fact]
    public async Task PauseStopsStartingJobs()
    {
        _station.Submit("HN-1");
        _station.Control.Pause();
        Assert.Equal(PipelineTurn.Idle, await _station.Get<IssuancePipeline>().RunNextAsync(CancellationToken.None));
        _station.Control.Resume();
        Assert.Equal(PipelineTurn.Worked, await _station.Get<IssuancePipeline>().RunNextAsync(CancellationToken.None));
    }

    [Fact]
    public async Task JobsRunOldestFirst()
    {
        var jobs = Enumerable.Range(1, 3).Select(i => _station.Submit($"HN-{i}")).ToList();
        var pipeline = _station.Get<IssuancePipeline>();
        while (await pipeline.RunNextAsync(CancellationToken.None) != PipelineTurn.Idle)
        {
        }

        Assert.Equal(["VN000000001", "VN000000002", "VN000000003"], jobs.Select(j => _station.Job(j).CardSerial));
    }

    internal static void AssertEveryIntentHasItsOutcome(Job job)
    {
        var open = new Stack<string>();
        foreach (var record in job.History.Where(r => r.Kind != JobRecordKind.Transition))
        {
            if (record.Kind == JobRecordKind.Intent)
            {
                Assert.Empty(open);
                open.Push(record.Action);
            }
            else if (record.Action is not ("card.spoil" or JobChange.CardReturnAction or "prepare.redo"))
            {
                Assert.Equal(record.Action, open.Pop());
            }
        }

        Assert.Empty(open);
    }

    public void Dispose() => _station.Dispose();
}
