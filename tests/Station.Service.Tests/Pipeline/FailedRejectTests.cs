using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Station.Devices;
using Station.Devices.Printer;
using Station.Service.Jobs;
using Station.Service.Pipeline;
using Station.Service.Stock;
using Station.Service.Tests.TestSupport;

namespace Station.Service.Tests.Pipeline;

/// <summary>A spoiled card the printer fails to reject: recorded as failed, an alarm asks for it by hand, and it is not one more failure of the step.</summary>
public sealed class FailedRejectTests
{
    [Fact]
    public async Task AFailedRejectIsRecordedAsAFaultAndRaisesAnAlarmWithoutSpendingTheStepsBudget()
    {
        using var station = TestStation.Create(configure: services => services.Replace(ServiceDescriptor.Singleton<ICardPrinter>(p =>
            new OnceFailingRejectPrinter(p.GetRequiredService<SimulatedCardPrinter>()))));
        var job = station.Submit("HN-1");
        station.Personalizer.WriteFailures.Enqueue(SpoilReason.ChipWriteFailed);

        Assert.Equal(StepResult.Ended, await station.RunJobAsync(job));

        var done = station.Job(job);
        var rejects = done.History.Where(r => r.Kind == JobRecordKind.Outcome && r.Action == DeviceActions.PrinterReject).ToList();
        Assert.Equal(DeviceActions.Fault, rejects[0].Result);
        Assert.Contains("jammed in the reject path", rejects[0].Detail, StringComparison.Ordinal);
        Assert.Contains(station.Events(), e => e.Type == Events.EventTypes.Alarm && e.Data["code"]!.GetValue<string>() == CardIssuingStep.PrinterAlarm);
        // The card left in the printer jams the next feed: that card is spoiled too, and the job completes with the third.
        Assert.Equal(JobState.Completed, done.State);
        Assert.Equal([SpoilReason.ChipWriteFailed, SpoilReason.Jam], station.Stock.Cards().Where(c => c.State == CardState.Spoiled).Select(c => c.Reason));
        Assert.Equal(2, DeviceActionRunner.FailuresAt(done, JobState.Encoding)); // the write and the jam, not the reject
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
