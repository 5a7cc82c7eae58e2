using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Station.Devices;
using Station.Devices.Printer;
using Station.Service.Events;
using Station.Service.Jobs;
using Station.Service.Pipeline;
using Station.Service.Stock;
using Station.Service.Tests.TestSupport;

namespace Station.Service.Tests.Pipeline;

/// <summary>
/// The station "dies" during each device action (a <see cref="SimulatedCrashException"/> leaves the intent open),
/// then restarts on the same data directory: recovery must resolve the job deliberately and the job must complete
/// exactly once, with any held card spoiled Interrupted, except a card whose eject had finished.
/// </summary>
public sealed class StartupRecoveryTests : IDisposable
{
    private readonly string _dir = TestStation.NewDataDir();

    public static TheoryData<string, JobState, bool> Actions => new()
    {
        { DeviceActions.CameraCapture, JobState.Capturing, false },
        { DeviceActions.FingerprintCapture, JobState.Capturing, false },
        { DeviceActions.PrinterFeed, JobState.Encoding, true },
        { DeviceActions.ChipWrite, JobState.Encoding, true },
        { DeviceActions.ChipVerify, JobState.Verifying, true },
        { DeviceActions.PrinterPrint, JobState.Printing, true },
    };

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task ACrashDuringAnActionIsResolvedAndTheJobCompletesOnce(string action, JobState crashedIn, bool heldCard)
    {
        string job;
        using (var station = TestStation.Create(_dir))
        {
            job = station.Submit("HN-1");
            station.Crash.CrashAt = action;
            await Assert.ThrowsAsync<SimulatedCrashException>(() => station.RunJobAsync(job));
            var crashed = station.Job(job);
            Assert.Equal(crashedIn, crashed.State);
            Assert.True(crashed.HasOpenIntent);
            Assert.Equal(action, crashed.LastRecord!.Action);
        }

        using (var restarted = TestStation.Create(_dir))
        {
            Assert.Equal(1, await restarted.Get<StartupRecovery>().RunAsync(CancellationToken.None));
            var resolved = restarted.Job(job);
            Assert.False(resolved.HasOpenIntent);
            Assert.Contains(resolved.History, r => r.Kind == JobRecordKind.Outcome && r.Action == action && r.Result == DeviceActions.Interrupted);
            Assert.Equal(crashedIn is JobState.Verifying or JobState.Printing ? JobState.Encoding : crashedIn, resolved.State);

            Assert.Equal(StepResult.Ended, await restarted.RunJobAsync(job));
            AssertCompletedOnce(restarted, job, heldCard);
        }
    }

    [Fact]
    public async Task ACrashDuringTheEjectIssuesTheCardWhenThePrinterNoLongerHoldsIt()
    {
        var job = await CrashDuringTheEjectAsync();

        using var restarted = TestStation.Create(_dir);
        Assert.False(restarted.Get<ICardPrinter>().HoldsCard);
        Assert.Equal(1, await restarted.Get<StartupRecovery>().RunAsync(CancellationToken.None));

        // The card in the output tray is the applicant's: no second card, nothing spoiled.
        AssertCompletedOnce(restarted, job, heldCard: false);
        Assert.Contains(restarted.Job(job).History, r => r.Kind == JobRecordKind.Outcome && r.Action == DeviceActions.PrinterEject && r.Result == DeviceActions.Ok);
        Assert.Equal(PipelineTurn.Idle, await restarted.Get<IssuancePipeline>().RunNextAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ACrashDuringTheEjectSpoilsTheCardWhenThePrinterStillHoldsIt()
    {
        var job = await CrashDuringTheEjectAsync();

        using var restarted = TestStation.Create(_dir);
        var printer = restarted.Get<ICardPrinter>();
        await printer.FeedToChipStationAsync(CancellationToken.None); // the card the eject never moved
        Assert.Equal(1, await restarted.Get<StartupRecovery>().RunAsync(CancellationToken.None));
        Assert.False(printer.HoldsCard);
        Assert.Equal(JobState.Encoding, restarted.Job(job).State);

        Assert.Equal(StepResult.Ended, await restarted.RunJobAsync(job));
        AssertCompletedOnce(restarted, job, heldCard: true);
    }

    [Fact]
    public async Task AJobCancelledWhileRecoveryRejectsItsCardStaysCancelledAndRecoveryGoesOn()
    {
        var job = await CrashDuringAsync(DeviceActions.ChipWrite);

        // An operator cancels the job through the control socket while recovery is rejecting its card.
        using var restarted = TestStation.Create(_dir, configure: services => services.Replace(ServiceDescriptor.Singleton<ICardPrinter>(p =>
            new CancellingPrinter(p.GetRequiredService<SimulatedCardPrinter>(), () => p.GetRequiredService<IStationControl>().Cancel(job)))));

        Assert.Equal(1, await restarted.Get<StartupRecovery>().RunAsync(CancellationToken.None));
        var cancelled = restarted.Job(job);
        Assert.Equal(JobState.Cancelled, cancelled.State);
        Assert.Equal((CardState.Spoiled, SpoilReason.Cancelled), Assert.Single(restarted.Stock.Cards(), c => c.JobId == job) is var card ? (card.State, card.Reason) : default);
        Assert.Equal(0, restarted.Stock.VerifyIdentity().InUse);
    }

    private async Task<string> CrashDuringTheEjectAsync()
    {
        var job = await CrashDuringAsync(DeviceActions.PrinterEject);
        using var station = TestStation.Create(_dir);
        Assert.Equal((JobState.Printing, DeviceActions.PrinterEject), (station.Job(job).State, station.Job(job).LastRecord!.Action));
        return job;
    }

    /// <summary>Submits a job and lets the station die during <paramref name="action"/>; returns the job's id.</summary>
    private async Task<string> CrashDuringAsync(string action)
    {
        using var station = TestStation.Create(_dir);
        var job = station.Submit("HN-1");
        station.Crash.CrashAt = action;
        await Assert.ThrowsAsync<SimulatedCrashException>(() => station.RunJobAsync(job));
        return job;
    }

    [Fact]
    public async Task ACrashWhileRejectingAFailedCardSpoilsItInterrupted()
    {
        string job;
        using (var station = TestStation.Create(_dir))
        {
            job = station.Submit("HN-1");
            station.Personalizer.WriteFailures.Enqueue(SpoilReason.ChipWriteFailed);
            station.Crash.CrashAt = DeviceActions.PrinterReject;
            await Assert.ThrowsAsync<SimulatedCrashException>(() => station.RunJobAsync(job));
            Assert.Equal(DeviceActions.PrinterReject, station.Job(job).LastRecord!.Action);
        }

        using var restarted = TestStation.Create(_dir);
        await restarted.Get<StartupRecovery>().RunAsync(CancellationToken.None);
        await restarted.RunJobAsync(job);
        AssertCompletedOnce(restarted, job, heldCard: true);
    }

    [Fact]
    public async Task AJobInterruptedAfterPreparationIsPreparedAgainWithNewKeys()
    {
        string job;
        using (var station = TestStation.Create(_dir))
        {
            job = station.Submit("HN-1");
            station.Crash.CrashAt = DeviceActions.ChipWrite;
            await Assert.ThrowsAsync<SimulatedCrashException>(() => station.RunJobAsync(job));
            Assert.Single(station.Builder.Built);
        }

        using var restarted = TestStation.Create(_dir);
        await restarted.Get<StartupRecovery>().RunAsync(CancellationToken.None);
        await restarted.RunJobAsync(job);
        Assert.Single(restarted.Builder.Built); // prepared again in the new process, from the stored captures
        Assert.Contains(restarted.Job(job).History, r => r.Action == "prepare.redo");
    }

    [Fact]
    public async Task ACardInUseByNoUnfinishedJobIsSpoiledAtStartUp()
    {
        using (var station = TestStation.Create(_dir))
        {
            var job = station.Submit("HN-1");
            station.Jobs.Change(job, c =>
            {
                c.MoveTo(JobState.Encoding);
                c.TakeCard();
                c.Job.CardSerial = null; // as if the job had let go of it without recording the card's end
            });
        }

        using var restarted = TestStation.Create(_dir);
        Assert.Equal(1, await restarted.Get<StartupRecovery>().RunAsync(CancellationToken.None));
        var card = Assert.Single(restarted.Stock.Cards(), c => c.State != CardState.InHopper);
        Assert.Equal((CardState.Spoiled, SpoilReason.Interrupted), (card.State, card.Reason));
    }

    [Fact]
    public async Task RecoveryRefusesABrokenStockIdentity()
    {
        using (var station = TestStation.Create(_dir))
        {
            station.Stock.Load("VN000000001", 2, "test");
            var card = station.Database.Cards.FindById(1L);
            card.State = CardState.Issued;
            station.Database.Cards.Update(card);
        }

        using var restarted = TestStation.Create(_dir);
        await Assert.ThrowsAsync<StockException>(() => restarted.Get<StartupRecovery>().RunAsync(CancellationToken.None));
    }

    private static void AssertCompletedOnce(TestStation station, string job, bool heldCard)
    {
        var done = station.Job(job);
        Assert.Equal(JobState.Completed, done.State);
        Assert.Single(done.History, r => r.Action.EndsWith("→Completed", StringComparison.Ordinal));
        Assert.Single(station.Events(), e => e.Type == EventTypes.JobCompleted);
        IssuancePipelineTests.AssertEveryIntentHasItsOutcome(done); // an interrupted outcome closes its intent

        var cards = station.Stock.Cards();
        var issued = Assert.Single(cards, c => c.State == CardState.Issued);
        Assert.Equal((done.CardSerial, job), (issued.Serial, issued.JobId));
        if (heldCard)
        {
            var spoiled = Assert.Single(cards, c => c.State == CardState.Spoiled);
            Assert.Equal(SpoilReason.Interrupted, spoiled.Reason);
            Assert.NotEqual(issued.Serial, spoiled.Serial);
        }
        else
        {
            Assert.DoesNotContain(cards, c => c.State == CardState.Spoiled);
        }

        Assert.Equal(0, station.Stock.VerifyIdentity().InUse);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>The simulated printer, with <paramref name="beforeReject"/> run as a reject begins.</summary>
    private sealed class CancellingPrinter(ICardPrinter inner, Action beforeReject) : DelegatingPrinter(inner)
    {
        public override Task RejectAsync(CancellationToken cancellationToken)
        {
            beforeReject();
            return Inner.RejectAsync(cancellationToken);
        }
    }
}
