using Microsoft.Extensions.Logging;
using Station.Devices.Printer;
using Station.Service.Jobs;
using Station.Service.Stock;
using Station.Service.Storage;

namespace Station.Service.Pipeline;

/// <summary>
/// Runs once before the pipeline starts and resolves, deliberately and never by guessing, what a crash left behind:
/// a card whose eject was under way is issued when the printer no longer holds it (it was verified, locked and
/// printed, and it is in the output tray); any other card held by an unfinished job is rejected and spoiled
/// <c>Interrupted</c> (its chip keys are gone and its state is unknown) and the job continues from Encoding with a
/// new card; an open intent without a card is closed
/// as interrupted and the action is redone; a card in use by no unfinished job is spoiled. Then the stock identity
/// is checked.
/// </summary>
public sealed partial class StartupRecovery(
    StationDatabase database,
    JobStore store,
    CardStock stock,
    ICardPrinter printer,
    CardIssuingStep cardIssuing,
    ILogger<StartupRecovery> logger)
{
    private static readonly JobState[] CardStates = [JobState.Verifying, JobState.Printing];

    /// <summary>Resolves every unfinished job; returns how many needed resolving.</summary>
    /// <exception cref="StockException">The stock identity does not hold.</exception>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var resolved = 0;
        foreach (var job in store.Unfinished())
        {
            try
            {
                if (HeldCard(job) is { } serial)
                {
                    await ResolveHeldCardAsync(job, serial, cancellationToken);
                    resolved++;
                }
                else if (job.HasOpenIntent || CardStates.Contains(job.State))
                {
                    store.Change(job.Id, change =>
                    {
                        CloseOpenIntent(change);
                        ReturnToEncoding(change);
                    });
                    LogResolved(job.Id, job.State, job.LastRecord?.Action ?? "", "no card held; the action is redone");
                    resolved++;
                }
            }
            catch (JobAlreadyEndedException e)
            {
                // Cancelled through the control socket or the center while recovery worked on it: the cancel spoiled
                // its card, and a card still in the printer goes to the reject box.
                if (printer.HoldsCard)
                {
                    await cardIssuing.RejectQuietlyAsync(job.Id, cancellationToken);
                }

                LogResolved(job.Id, e.State, job.LastRecord?.Action ?? "", "ended meanwhile; nothing left to resolve");
                resolved++;
            }
        }

        resolved += SpoilOrphanCards();
        stock.VerifyIdentity();
        return resolved;
    }

    private async Task ResolveHeldCardAsync(Job job, string serial, CancellationToken cancellationToken)
    {
        if (job.HasOpenIntent && job.LastRecord!.Action == DeviceActions.PrinterEject && !printer.HoldsCard)
        {
            // Rejecting would find nothing, and spoiling the card would issue the applicant a second one.
            store.Change(job.Id, change =>
            {
                change.Outcome(DeviceActions.PrinterEject, DeviceActions.Ok, "the printer held no card after the restart: the eject had finished");
                change.Complete();
            });
            LogResolved(job.Id, job.State, DeviceActions.PrinterEject, $"card {serial} issued: the eject had finished before the stop");
            return;
        }

        store.Change(job.Id, change =>
        {
            CloseOpenIntent(change);
            change.Intent(DeviceActions.PrinterReject, $"card {serial} was held across a restart");
        });
        var rejectError = await cardIssuing.RejectQuietlyAsync(job.Id, cancellationToken);

        store.Change(job.Id, change =>
        {
            change.Outcome(DeviceActions.PrinterReject, rejectError is null ? DeviceActions.Ok : DeviceActions.Fault, rejectError);
            change.SpoilCard(SpoilReason.Interrupted, "the station stopped while the card was in the printer");
            ReturnToEncoding(change);
        });
        LogResolved(job.Id, job.State, job.LastRecord?.Action ?? "", $"card {serial} spoiled Interrupted; continuing with a new card");
    }

    private string? HeldCard(Job job) =>
        job.CardSerial is { } serial && stock.Find(serial) is { State: CardState.InUse } card && card.JobId == job.Id ? serial : null;

    private static void CloseOpenIntent(JobChange change)
    {
        if (change.Job.HasOpenIntent)
        {
            change.Outcome(change.Job.LastRecord!.Action, DeviceActions.Interrupted, "the station stopped during this action");
        }
    }

    private static void ReturnToEncoding(JobChange change)
    {
        if (CardStates.Contains(change.Job.State))
        {
            change.MoveTo(JobState.Encoding, "resuming with a new card after a restart");
        }
    }

    /// <summary>Cards in use whose job has ended or let go of them (e.g. a crash inside a cancel) are spoiled.</summary>
    private int SpoilOrphanCards()
    {
        var orphans = database.Cards.Find(c => c.State == CardState.InUse)
            .Where(c => c.JobId is null || store.Find(c.JobId) is not { IsEnded: false } job || job.CardSerial != c.Serial)
            .ToList();
        foreach (var card in orphans)
        {
            database.InTransaction(() => stock.Spoil(card.Serial, SpoilReason.Interrupted, "in use by no unfinished job at start-up"));
            LogResolved(card.JobId ?? "-", JobState.Encoding, "card.orphan", $"card {card.Serial} spoiled Interrupted");
        }

        return orphans.Count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recovery: job {JobId} in {State} after {Action}: {Resolution}")]
    private partial void LogResolved(string jobId, JobState state, string action, string resolution);
}
