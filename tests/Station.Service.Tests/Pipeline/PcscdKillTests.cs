using Station.Service.Events;
using Station.Service.Jobs;
using Station.Service.Pipeline;
using Station.Service.Stock;
using Station.Service.Tests.Cli;
using Station.Service.Tests.Testbed;
using Station.Service.Tests.TestSupport;

namespace Station.Service.Tests.Pipeline;

/// <summary>
/// The "kill pcscd" fault of the test bed with the real PC/SC encoder: the card being written is spoiled as
/// EncoderUnavailable, jobs then wait with an alarm instead of feeding cards, and issuing resumes once pcscd is back.
/// It kills the machine's shared pcscd, so it runs alone (test.sh's second step) and restarts pcscd whatever happens.
/// </summary>
[Collection(VpcdReader1Collection.Name)]
[Trait("Category", TestbedPcscd.Category)]
public sealed class PcscdKillTests : IAsyncLifetime
{
    private PcscPipeline _pipeline = null!;

    public Task InitializeAsync()
    {
        _pipeline = PcscPipeline.Create();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _pipeline.Dispose();
        await TestbedPcscd.Start(); // leave the test bed as up.sh made it, even when the test failed
    }

    [Fact]
    public async Task KillingPcscdMidWriteSpoilsThatCardThenJobsWaitWithAnAlarmAndResumeWhenPcscdIsBack()
    {
        var station = _pipeline.Station;
        _pipeline.Encoder.InterruptBeforeApdu = 3;
        _pipeline.Encoder.Interrupt = () => TestbedPcscd.Kill().GetAwaiter().GetResult();
        var job = station.Submit("HN-1");

        // The write breaks off, the card is spoiled, and the retry finds the encoder gone: no second card is fed.
        Assert.Equal(StepResult.Waiting, await station.RunJobAsync(job));
        Assert.Equal(JobState.Encoding, station.Job(job).State);
        var spoiled = Assert.Single(station.Stock.Cards(), c => c.State == CardState.Spoiled);
        Assert.Equal(("VN000000001", SpoilReason.EncoderUnavailable, job), (spoiled.Serial, spoiled.Reason, spoiled.JobId));
        Assert.Equal(new StockSummary(Loaded: 10, InHopper: 9, InUse: 0, Issued: 0, Spoiled: 1), station.Stock.Summary());

        var alarm = Assert.Single(station.Events(), e => e.Type == EventTypes.Alarm);
        Assert.Equal((CardIssuingStep.EncoderAlarm, "critical", "encoder"),
            (alarm.Data["code"]!.GetValue<string>(), alarm.Data["severity"]!.GetValue<string>(), alarm.Data["device"]!.GetValue<string>()));
        var message = alarm.Data["message"]!.GetValue<string>();
        Assert.Contains("the PC/SC daemon is not running", message, StringComparison.Ordinal);
        Assert.Contains("systemctl start pcscd", message, StringComparison.Ordinal);
        Assert.Equal(("fault", "PcscUnavailable"), (_pipeline.Encoder.Status.State, _pipeline.Encoder.Status.Code));

        // The station keeps running: another turn while pcscd is down waits again, burns no card, raises no new alarm.
        Assert.Equal(StepResult.Waiting, await station.RunJobAsync(job));
        Assert.Equal(9, station.Stock.Summary().InHopper);
        Assert.Single(station.Events(), e => e.Type == EventTypes.Alarm);

        // pcscd is back: the encoder makes a new context by itself, the alarm clears and the next card is issued.
        await TestbedPcscd.Start();
        Assert.Equal(StepResult.Ended, await station.RunJobAsync(job));
        Assert.Equal((JobState.Completed, "VN000000002"), (station.Job(job).State, station.Job(job).CardSerial));
        Assert.Equal(new StockSummary(Loaded: 10, InHopper: 8, InUse: 0, Issued: 1, Spoiled: 1), station.Stock.Summary());
        var cleared = station.Events().Last(e => e.Type == EventTypes.Alarm);
        Assert.Equal((CardIssuingStep.EncoderAlarm, false), (cleared.Data["code"]!.GetValue<string>(), cleared.Data["active"]!.GetValue<bool>()));
    }
}
