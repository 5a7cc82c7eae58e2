using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Station.Devices;
using Station.Devices.Printer;
using Station.Service.Jobs;
using Station.Service.Pipeline;
using Station.Service.Stock;
using Station.Service.Tests.TestSupport;

namespace Station.Service.Tests.Pipeline;

/// <summary>A spoiled card the printer fails to reject: recorded as failed, an alarm asks for it by hand, no card is fed until it is out, and it is not one more failure of the step.</summary>
public sealed class FailedRejectTests
{
    [Fact]
    public async Task AFailedRejectIsRecordedAsAFaultAndRaisesAnAlarmWithoutSpendingTheStepsBudget()
    {
        using var station = TestStation.Create(configure: services => services.Replace(ServiceDescriptor.Singleton<ICardPrinter>(p =>
            new OnceFailingRejectPrinter(p.GetRequiredService<SimulatedCardPrinter>()))));
        var job = station.Submit("HN-1");
        station.Personalizer.WriteFailures.Enqueue(SpoilReason.ChipWriteFailed);

        // The spoiled card is still inside: feeding now would jam on it, so the job waits, alarmed.
        Assert.Equal(StepResult.Waiting, await station.RunJobAsync(job));
        var waiting = station.Job(job);
        var reject = Assert.Single(waiting.History, r => r.Kind == JobRecordKind.Outcome && r.Action == DeviceActions.PrinterReject);
        Assert.Equal(DeviceActions.Fault, reject.Result);
        Assert.Contains("jammed in the reject path", reject.Detail, StringComparison.Ordinal);
        Assert.True(station.Get<AlarmRaiser>().IsActive(CardIssuingStep.PrinterAlarm));
        Assert.Equal(CardState.InHopper, Assert.Single(station.Stock.Cards(), c => c.Serial == "VN000000002").State);

        // Someone takes the card out: the next card is fed, nothing else is spoiled, the alarm clears.
        await station.Get<SimulatedCardPrinter>().RejectAsync(CancellationToken.None);
        Assert.Equal(StepResult.Ended, await station.RunJobAsync(job));
        var done = station.Job(job);
        Assert.Equal((JobState.Completed, "VN000000002"), (done.State, done.CardSerial));
        Assert.Equal([SpoilReason.ChipWriteFailed], station.Stock.Cards().Where(c => c.State == CardState.Spoiled).Select(c => c.Reason));
        Assert.Equal(1, DeviceActionRunner.FailuresAt(done, JobState.Encoding)); // the write, not the reject
        Assert.False(station.Get<AlarmRaiser>().IsActive(CardIssuingStep.PrinterAlarm));
    }

    /// <summary>The simulated printer, whose first reject fails and leaves the card inside.</summary>
    private sealed class OnceFailingRejectPrinter(ICardPrinter inner) : DelegatingPrinter(inner)
    {
        private bool _failed;

        public override Task RejectAsync(CancellationToken cancellationToken)
        {
            if (_failed)
            {
                return Inner.RejectAsync(cancellationToken);
            }

            _failed = true;
            throw new DeviceFaultException(DeviceFault.Jam, "printer", "Card jammed in the reject path.");
        }
    }
}
