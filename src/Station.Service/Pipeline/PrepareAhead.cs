using Microsoft.Extensions.Logging;
using Station.Service.Jobs;

namespace Station.Service.Pipeline;

/// <summary>
/// Captures and prepares the next job while the printer and the encoder work on the current one: the two use
/// different devices, so the next applicant's card is ready (chip data signed, face drawn) when the printer is free.
/// It leaves the job in Preparing with its card in <see cref="PreparedCardCache"/>; the job is fed a card only when
/// it becomes the oldest, so cards are still issued in order. It never fails a job for an error of its own making:
/// when the job's turn comes the pipeline meets the same error and ends the job as usual.
/// </summary>
public sealed partial class PrepareAhead(JobStore store, CaptureStep capture, PrepareStep prepare, PreparedCardCache cache, ILogger<PrepareAhead> logger)
{
    public async Task RunAsync(string jobId, CancellationToken cancellationToken)
    {
        try
        {
            while (store.Find(jobId) is { IsEnded: false } job)
            {
                if (job.State is JobState.Queued or JobState.Capturing)
                {
                    if (await capture.RunAsync(job, cancellationToken) != StepResult.Continue)
                    {
                        return;
                    }
                }
                else
                {
                    if (job.State == JobState.Preparing)
                    {
                        prepare.GetOrPrepare(job);
                    }

                    return;
                }
            }
        }
        catch (JobAlreadyEndedException)
        {
            cache.Forget(jobId); // cancelled meanwhile
        }
        catch (Exception e) when (IssuancePipeline.IsJobDataError(e))
        {
            LogLeftForItsTurn(e, jobId);
            cache.Forget(jobId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} could not be prepared ahead; it is handled when its turn comes.")]
    private partial void LogLeftForItsTurn(Exception error, string jobId);
}
