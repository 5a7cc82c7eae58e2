using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Station.Devices;
using Station.Devices.Printer;
using Station.Devices.SmartCards;
using Station.Personalization.Chip;
using Station.Service.Jobs;
using Station.Service.Stock;

namespace Station.Service.Pipeline;

/// <summary>
/// Encoding → Verifying → Printing → eject, one blank card at a time: feed (taking the card from stock in the
/// intent's transaction), write the chip, verify and lock it, print, eject and issue. A failure that may have
/// touched the card rejects it, spoils it with a reason and starts again with a new card, until the failing
/// step's retry budget is spent.
/// </summary>
public sealed partial class CardIssuingStep(
    DeviceActionRunner runner,
    PrepareStep prepare,
    ICardPrinter printer,
    IChipEncoder encoder,
    IChipPersonalizer personalizer,
    TrustAnchor trust,
    AlarmRaiser alarms,
    IOptions<PipelineOptions> options,
    TimeProvider clock,
    ILogger<CardIssuingStep> logger)
{
    /// <summary>The longest pause between two feeds tried while the printer refuses them.</summary>
    public static readonly TimeSpan MaxRefusalBackoff = TimeSpan.FromMinutes(10);

    public const string HopperAlarm = "HopperEmpty";

    /// <summary>Raised while the printer refuses to feed (cover open, its hopper empty): jobs wait, no card is spent.</summary>
    public const string PrinterAlarm = "PrinterNotReady";

    /// <summary>Raised while the chip encoder cannot be reached (e.g. pcscd not running): jobs wait instead of burning cards.</summary>
    public const string EncoderAlarm = "EncoderUnavailable";

    public async Task<StepResult> RunAsync(Job job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var (card, result) = prepare.GetOrPrepare(job);
        if (card is null)
        {
            return result;
        }

        var actions = runner.Begin(job.Id);
        if (!EncoderReady() || !PrinterEmpty() || RefusedRecently(job))
        {
            return WaitInEncoding(job, actions);
        }

        if (await FeedAsync(job, actions, cancellationToken) is { } notFed)
        {
            return notFed;
        }

        var step = JobState.Encoding;
        var action = DeviceActions.ChipWrite;
        try
        {
            await actions.RunAsync(action, null, null, async () =>
            {
                await using var chip = await encoder.ConnectAsync(cancellationToken);
                await personalizer.WriteAsync(chip, card.Chip, cancellationToken);
            });

            (step, action) = (JobState.Verifying, DeviceActions.ChipVerify);
            await actions.RunAsync(action, null, change => Enter(change, JobState.Verifying), async () =>
            {
                await using var chip = await encoder.ConnectAsync(cancellationToken);
                await personalizer.VerifyAndLockAsync(chip, card.Chip, trust.Csca, cancellationToken);
            });

            var face = await card.Face;
            (step, action) = (JobState.Printing, DeviceActions.PrinterPrint);
            await actions.RunAsync(action, null, change => Enter(change, JobState.Printing),
                () => printer.PrintAsync(face.FrontPng, face.BackPng, cancellationToken));

            action = DeviceActions.PrinterEject;
            await actions.RunAsync(action, null, null, () => printer.EjectAsync(cancellationToken), change => change.Complete());
            actions.Commit();
            return StepResult.Ended;
        }
        catch (Exception e) when (SpoilReasons.IsStepFault(e))
        {
            return await RejectAndSpoilAsync(actions, step, action, e, cancellationToken);
        }
    }

    /// <summary>Feeds a new card: null when it is at the chip station, else how the job was left (card spoiled, or waiting for cards).</summary>
    private async Task<StepResult?> FeedAsync(Job job, DeviceActionSequence actions, CancellationToken cancellationToken)
    {
        try
        {
            await actions.RunAsync(DeviceActions.PrinterFeed, null, change =>
            {
                PrepareStep.EnterEncoding(change);
                if (change.Job.State != JobState.Encoding)
                {
                    change.MoveTo(JobState.Encoding, "a new card is needed");
                }

                change.CountAttempt(JobState.Encoding);
                change.TakeCard();
            }, () => printer.FeedToChipStationAsync(cancellationToken));
            alarms.Clear(HopperAlarm);
            alarms.Clear(PrinterAlarm);
            return null;
        }
        catch (StockException e) when (e.Code == StockException.HopperEmpty)
        {
            alarms.Raise(HopperAlarm, AlarmRaiser.Critical, "printer", e.Message); // the hopper is part of the printer
            return WaitInEncoding(job, actions);
        }
        catch (DeviceFaultException e) when (e.Fault is DeviceFault.CoverOpen or DeviceFault.HopperEmpty)
        {
            // No card left the hopper: it goes back to the head of the stock, and the job waits for the technician
            // instead of spoiling a card per try and failing every queued job.
            actions.Commit(change =>
            {
                change.Outcome(DeviceActions.PrinterFeed, DeviceActions.NotReady, $"{e.Fault}: {e.Message}");
                change.ReturnCard($"the printer fed nothing ({e.Fault})");
            });
            alarms.Raise(PrinterAlarm, AlarmRaiser.Critical, "printer", $"The printer does not feed ({e.Fault}): {printer.Status.Message ?? e.Message} Jobs wait in Encoding.");
            return StepResult.Waiting;
        }
        catch (Exception e) when (SpoilReasons.IsStepFault(e))
        {
            return await RejectAndSpoilAsync(actions, JobState.Encoding, DeviceActions.PrinterFeed, e, cancellationToken);
        }
    }

    /// <summary>
    /// A card left inside (a reject the printer failed) would jam the next feed and get a card that never left the
    /// hopper spoiled: the job waits, alarmed, until someone takes it out.
    /// </summary>
    private bool PrinterEmpty()
    {
        if (!printer.HoldsCard)
        {
            return true;
        }

        alarms.Raise(PrinterAlarm, AlarmRaiser.Critical, "printer", "A card is still inside the printer: take it out by hand; jobs wait until the printer is empty.");
        return false;
    }

    /// <summary>
    /// After a refused feed the next try waits <see cref="PipelineOptions.WaitSeconds"/>, doubled for each refusal in
    /// a row up to <see cref="MaxRefusalBackoff"/>: each try is three records on the job, and a printer left with its
    /// cover open over a weekend must not grow the job's record without bound.
    /// </summary>
    private bool RefusedRecently(Job job)
    {
        var refusals = job.History.AsEnumerable().Reverse()
            .Where(r => !(r.Kind == JobRecordKind.Intent && r.Action == DeviceActions.PrinterFeed) && r.Action != JobChange.CardReturnAction)
            .TakeWhile(r => r.Kind == JobRecordKind.Outcome && r.Action == DeviceActions.PrinterFeed && r.Result == DeviceActions.NotReady)
            .ToList();
        if (refusals.Count == 0)
        {
            return false;
        }

        var backoff = TimeSpan.FromSeconds(options.Value.WaitSeconds * Math.Pow(2, Math.Min(refusals.Count - 1, 16)));
        return clock.GetUtcNow().UtcDateTime - refusals[0].TimeUtc < (backoff < MaxRefusalBackoff ? backoff : MaxRefusalBackoff);
    }

    /// <summary>
    /// A card is only fed when the encoder answers: with pcscd down or the reader gone, every fed card would be
    /// spoiled at once, so the job waits with an alarm until the encoder is back.
    /// </summary>
    private bool EncoderReady()
    {
        var status = encoder.Status;
        if (status.State == "fault")
        {
            alarms.Raise(EncoderAlarm, AlarmRaiser.Critical, "encoder", status.Message ?? $"The chip encoder reports {status.Code}");
            return false;
        }

        alarms.Clear(EncoderAlarm);
        return true;
    }

    /// <summary>A prepared job that cannot get a card yet waits in Encoding, where ops look for it.</summary>
    private static StepResult WaitInEncoding(Job job, DeviceActionSequence actions)
    {
        if (job.State == JobState.Preparing)
        {
            actions.Commit(PrepareStep.EnterEncoding);
        }

        return StepResult.Waiting;
    }

    private static void Enter(JobChange change, JobState step)
    {
        change.MoveTo(step);
        change.CountAttempt(step);
    }

    private async Task<StepResult> RejectAndSpoilAsync(DeviceActionSequence actions, JobState step, string action, Exception error, CancellationToken cancellationToken)
    {
        var reason = SpoilReasons.From(error, action);
        LogCardFault(actions.JobId, step, action, reason, error.Message);
        actions.Commit(change =>
        {
            change.Outcome(action, DeviceActions.Fault, $"{reason}: {error.Message}");
            change.Intent(DeviceActions.PrinterReject, reason);
        });
        var rejectError = await RejectQuietlyAsync(actions.JobId, cancellationToken);

        var job = actions.Commit(change =>
        {
            change.Outcome(DeviceActions.PrinterReject, rejectError is null ? DeviceActions.Ok : DeviceActions.Fault, rejectError);
            change.SpoilCard(reason, error.Message);
            var max = options.Value.MaxFailuresAt(step);
            if (DeviceActionRunner.FailuresAt(change.Job, step) >= max)
            {
                change.Fail($"{step}Failed", $"{step} failed {max} time(s); last: {reason}: {error.Message}");
            }
            else if (change.Job.State != JobState.Encoding)
            {
                change.MoveTo(JobState.Encoding, $"retry with a new card after {reason}");
            }
        });
        return job.IsEnded ? StepResult.Ended : StepResult.Continue;
    }

    /// <summary>Rejects whatever card is in the printer; a failing reject is logged, the card is spoiled either way.</summary>
    /// <returns>Null when the card went to the reject box, else the printer's error (an alarm asks for the card by hand).</returns>
    internal async Task<string?> RejectQuietlyAsync(string jobId, CancellationToken cancellationToken)
    {
        try
        {
            await printer.RejectAsync(cancellationToken);
            return null;
        }
        catch (DeviceFaultException e)
        {
            LogRejectFailed(jobId, e.Message);
            alarms.Raise(PrinterAlarm, AlarmRaiser.Critical, "printer", $"Rejecting a spoiled card failed ({e.Message}): take it out of the printer by hand; the next card is fed once the printer is empty.");
            return e.Message;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId}: {Action} failed at {Step}, card spoiled {Reason}: {Error}")]
    private partial void LogCardFault(string jobId, JobState step, string action, string reason, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobId}: rejecting the card failed ({Error}); remove it from the printer by hand.")]
    private partial void LogRejectFailed(string jobId, string error);
}
