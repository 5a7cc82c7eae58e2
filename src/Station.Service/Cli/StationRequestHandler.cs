using System.Globalization;
using System.Text;
using Station.Service.Jobs;
using Station.Service.Stock;

namespace Station.Service.Cli;

/// <summary>Carries out a <see cref="StationRequest"/> against the station's data and renders its output.</summary>
public sealed class StationRequestHandler(JobStore jobs, CardStock stock, IStationControl control)
{
    public StationReply Handle(StationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Verb switch
        {
            StationRequest.Submit => Submit(request.Argument ?? ""),
            StationRequest.List => List(request.Json),
            StationRequest.Show => Show(request.Argument ?? "", request.Json),
            StationRequest.Cancel => Cancel(request.Argument ?? ""),
            StationRequest.Stock => Stock(request.Json),
            StationRequest.StockLoad => Load(request.Argument ?? "", request.Count),
            _ => StationReply.BadInput($"Unknown request '{request.Verb}'.\n"),
        };
    }

    private StationReply Submit(string applicantJson)
    {
        var outcome = control.Submit(applicantJson, "cli");
        if (outcome.Accepted)
        {
            return StationReply.Ok(outcome.AlreadyExisted ? $"Already submitted: job {outcome.JobId} (same content).\n" : $"Accepted: job {outcome.JobId}.\n");
        }

        var errors = new StringBuilder();
        foreach (var error in outcome.Errors)
        {
            errors.Append(CultureInfo.InvariantCulture, $"{error.Field}: {error.Message}\n");
        }

        if (outcome.Errors.Count == 0 && outcome.Error is not null)
        {
            errors.Append(outcome.Error).Append('\n');
        }

        return StationReply.BadInput(errors.ToString());
    }

    private StationReply List(bool json)
    {
        var all = jobs.All();
        if (json)
        {
            return StationReply.Ok(CliJson.Write(all.Select(JobView.From)));
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{"ID",-24}  {"APPLICATION",-20}  {"STATE",-10}  {"CARD",-14}  FAILURE\n");
        foreach (var job in all)
        {
            text.Append(CultureInfo.InvariantCulture, $"{job.Id,-24}  {job.ApplicationId,-20}  {job.State,-10}  {job.CardSerial ?? "-",-14}  {job.FailureReason?.Code ?? ""}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"{all.Count} job(s).\n");
        return StationReply.Ok(text.ToString());
    }

    private StationReply Show(string jobId, bool json)
    {
        if (jobs.Find(jobId) is not { } job)
        {
            return StationReply.BadInput($"No job with id '{jobId}'; see 'station job list'.\n");
        }

        if (json)
        {
            return StationReply.Ok(CliJson.Write(new JobDetailView(JobView.From(job), job.History)));
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Job {job.Id}\n  application: {job.ApplicationId}\n  state:       {job.State}\n  card:        {job.CardSerial ?? "-"}\n  source:      {job.Source}\n");
        text.Append(CultureInfo.InvariantCulture, $"  attempts:    {string.Join(", ", job.Attempts.Select(a => $"{a.Key} {a.Value}"))}\n");
        if (job.FailureReason is { } failure)
        {
            text.Append(CultureInfo.InvariantCulture, $"  failure:     {failure.Code}: {failure.Message}\n");
        }

        text.Append("  history:\n");
        foreach (var record in job.History)
        {
            text.Append(CultureInfo.InvariantCulture, $"    {record.TimeUtc:O}  {record.Kind,-10}  {record.Action}  {record.Result}  {record.CardSerial}  {record.Detail}\n");
        }

        return StationReply.Ok(text.ToString());
    }

    private StationReply Cancel(string jobId)
    {
        var outcome = control.Cancel(jobId);
        if (outcome.Cancelled)
        {
            return StationReply.Ok($"Cancelled job {jobId}.\n");
        }

        return jobs.Find(jobId) is null ? StationReply.BadInput(outcome.Error + "\n") : StationReply.Failure(outcome.Error + "\n");
    }

    private StationReply Stock(bool json)
    {
        var summary = stock.Summary();
        if (json)
        {
            return StationReply.Ok(CliJson.Write(StockView.From(summary, stock.Cards())));
        }

        return StationReply.Ok($"loaded {summary.Loaded}: in hopper {summary.InHopper}, in use {summary.InUse}, issued {summary.Issued}, spoiled {summary.Spoiled}\n");
    }

    private StationReply Load(string firstSerial, int count)
    {
        try
        {
            var load = stock.Load(firstSerial, count, "cli");
            return StationReply.Ok($"Loaded {load.Count} card(s) {load.FirstSerial}…{load.LastSerial}.\n");
        }
        catch (StockException e) when (e.Code == StockException.BadLoad)
        {
            return StationReply.BadInput(e.Message + "\n");
        }
    }
}
