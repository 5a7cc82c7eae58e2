using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Station.Service.Pipeline;

/// <summary>
/// The hosted loop of <c>station run</c>: start-up recovery once, then pipeline turns, beating
/// <see cref="PipelineHealth"/>. With nothing to do it sleeps until <see cref="Hosting.WorkSignal"/> says work arrived,
/// looking again every <see cref="IdleRecheck"/> all the same.
/// </summary>
public sealed partial class PipelineWorker(
    StartupRecovery recovery,
    IssuancePipeline pipeline,
    PipelineHealth health,
    Hosting.WorkSignal work,
    IOptions<PipelineOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<PipelineWorker> logger) : BackgroundService
{
    /// <summary>
    /// The idle loop's own look at the database, for work that arrived without a signal; well inside
    /// <see cref="PipelineHealth.MaxSilence"/>, since every turn beats.
    /// </summary>
    public static readonly TimeSpan IdleRecheck = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            LogRecovered(await recovery.RunAsync(stoppingToken));
        }
        catch (Stock.StockException e)
        {
            health.Fatal = e.Message;
            LogFatal(e.Message);
            lifetime.StopApplication();
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            health.Beat();
            try
            {
                var turn = await pipeline.RunNextAsync(stoppingToken);
                health.ReportError(null);
                if (turn == PipelineTurn.Idle)
                {
                    await work.WaitAsync(IdleRecheck, stoppingToken);
                }
                else if (turn == PipelineTurn.Waiting)
                {
                    await WaitBeatingAsync(TimeSpan.FromSeconds(options.Value.WaitSeconds), IdleRecheck, health.Beat, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is InvalidOperationException or InvalidDataException or IOException or LiteDB.LiteException or KeyNotFoundException)
            {
                // Unexpected: the watchdog stops being fed, so systemd restarts us if this persists.
                health.ReportError(e.Message);
                LogTurnFailed(e);
                await Task.Delay(TimeSpan.FromSeconds(options.Value.WaitSeconds), stoppingToken);
            }
        }
    }

    /// <summary>
    /// Waits <paramref name="total"/> (<see cref="PipelineOptions.WaitSeconds"/>, up to an hour) for an outside
    /// condition, calling <paramref name="beat"/> every <paramref name="slice"/>: a station that waits for cards or
    /// the signer is alive, and the watchdog must not restart it.
    /// </summary>
    internal static async Task WaitBeatingAsync(TimeSpan total, TimeSpan slice, Action beat, CancellationToken cancellationToken)
    {
        var left = total;
        while (left > TimeSpan.Zero)
        {
            var next = left < slice ? left : slice;
            await Task.Delay(next, cancellationToken);
            beat();
            left -= next;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pipeline started; recovery resolved {Count} interrupted job(s) or card(s).")]
    private partial void LogRecovered(int count);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The pipeline cannot start: {Reason}")]
    private partial void LogFatal(string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Pipeline turn failed unexpectedly.")]
    private partial void LogTurnFailed(Exception error);
}
