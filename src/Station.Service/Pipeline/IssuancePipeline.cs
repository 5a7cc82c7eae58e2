using Microsoft.Extensions.Logging;
using Station.Service.Jobs;
using Station.Service.Stock;

namespace Station.Service.Pipeline;

/// <summary>
/// The issuance state machine: takes the oldest unfinished job and drives it, one step at a time, until it ends
/// or the station has to wait, while the next job is captured and prepared beside it. Cards are issued one job at a
/// time, in order; every device action is durable (see <see cref="DeviceActionSequence"/>).
/// </summary>
public sealed partial class IssuancePipeline(
    JobStore store,
    CaptureStep capture,
    CardIssuingStep cardIssuing,
    PrepareAhead prepareAhead,
    PreparedCardCache cache,
    MemoryTrim memory,
    IStationControl control,
    ILogger<IssuancePipeline> logger)
{
    /// <summary>
    /// Works on the oldest unfinished job until it ends or must wait, and meanwhile captures and prepares the next
    /// one (<see cref="PrepareAhead"/>) once the oldest no longer needs the capture devices. Returns
    /// <see cref="PipelineTurn.Idle"/> when there is nothing to do.
    /// </summary>
    public async Task<PipelineTurn> RunNextAsync(CancellationToken cancellationToken)
    {
        var oldest = store.OldestUnfinished(2);
        // Only the two jobs worked on now can have a prepared card: any other held the chip's keys of a job that ended
        // meanwhile (cancelled through the control socket or the center, also while paused), and they must not stay.
        cache.Keep([.. oldest.Select(o => o.Id)]);
        if (control.IsPaused || oldest.Count == 0)
        {
            return PipelineTurn.Idle;
        }

        var (head, headState) = oldest[0];
        if (headState is JobState.Queued or JobState.Capturing)
        {
            // The capture devices serve one applicant at a time: the next job's capture waits for this one's.
            var captured = await RunJobAsync(head, cancellationToken, captureOnly: true);
            if (captured != StepResult.Continue)
            {
                return captured == StepResult.Waiting ? PipelineTurn.Waiting : PipelineTurn.Worked;
            }
        }

        var ahead = oldest.Count > 1
            ? Task.Run(() => prepareAhead.RunAsync(oldest[1].Id, cancellationToken), cancellationToken)
            : Task.CompletedTask;
        StepResult result;
        try
        {
            result = await RunJobAsync(head, cancellationToken);
        }
        finally
        {
            await ahead;
        }

        return result == StepResult.Waiting ? PipelineTurn.Waiting : PipelineTurn.Worked;
    }

    /// <summary>
    /// Drives one job until it ends or must wait; with <paramref name="captureOnly"/>, only until its captures are
    /// done (then <see cref="StepResult.Continue"/>).
    /// </summary>
    public async Task<StepResult> RunJobAsync(string jobId, CancellationToken cancellationToken, bool captureOnly = false)
    {
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var job = store.Find(jobId) ?? throw new KeyNotFoundException($"No job with id {jobId}.");
                if (captureOnly && job.State is not (JobState.Queued or JobState.Capturing))
                {
                    return job.IsEnded ? StepResult.Ended : StepResult.Continue;
                }

                var result = job.State switch
                {
                    JobState.Queued or JobState.Capturing => await capture.RunAsync(job, cancellationToken),
                    JobState.Preparing or JobState.Encoding or JobState.Verifying or JobState.Printing => await cardIssuing.RunAsync(job, cancellationToken),
                    _ => StepResult.Ended,
                };
                if (result != StepResult.Continue)
                {
                    if (result == StepResult.Ended)
                    {
                        cache.Forget(jobId);
                        memory.JobEnded();
                    }

                    return result;
                }
            }
        }
        catch (JobAlreadyEndedException e)
        {
            // Cancelled while a device worked on it: the cancel already spoiled any card; clear the printer.
            LogEndedMeanwhile(jobId, e.State);
            await cardIssuing.RejectQuietlyAsync(jobId, cancellationToken);
            cache.Forget(jobId);
            return StepResult.Ended;
        }
        catch (Exception e) when (IsJobDataError(e))
        {
            // A bug or bad data in this one job, not a device fault: ending the job keeps the station from crashing
            // on it again at every restart. The card it holds is spoiled and rejected, so the stock stays exact.
            // Failures of the station itself (disk, database, memory) are not caught: the process stops and
            // systemd restarts it, and start-up recovery resolves the job.
            LogInternalError(e, jobId);
            store.Change(jobId, change => change.Fail(InternalError, $"{e.GetType().Name}: {e.Message}", SpoilReason.Interrupted));
            await cardIssuing.RejectQuietlyAsync(jobId, cancellationToken);
            cache.Forget(jobId);
            return StepResult.Ended;
        }
    }

    /// <summary>A bug or bad data in one job, as opposed to a failure of the station itself (disk, database, memory).</summary>
    internal static bool IsJobDataError(Exception e) => e is ArgumentException or InvalidOperationException or FormatException
        or InvalidDataException or System.Security.Cryptography.CryptographicException or NullReferenceException
        or IndexOutOfRangeException or KeyNotFoundException or NotSupportedException or OverflowException;

    /// <summary>Failure code of a job ended by an unexpected error in the station's own code.</summary>
    public const string InternalError = nameof(InternalError);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobId} failed on an unexpected error; it is ended and its card rejected.")]
    private partial void LogInternalError(Exception error, string jobId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} ended ({State}) while the pipeline worked on it; its card was rejected.")]
    private partial void LogEndedMeanwhile(string jobId, JobState state);
}
