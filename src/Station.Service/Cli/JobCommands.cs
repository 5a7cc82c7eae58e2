using System.CommandLine;

namespace Station.Service.Cli;

/// <summary><c>station job submit|list|show|cancel</c>.</summary>
public static class JobCommands
{
    public static Command Create()
    {
        var job = new Command("job", "Submit, list, show and cancel issuance jobs.");
        job.Subcommands.Add(Submit());
        job.Subcommands.Add(List());
        job.Subcommands.Add(Show());
        job.Subcommands.Add(Cancel());
        return job;
    }

    private static Command Submit()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "Applicant document (JSON, see docs/applicant.md)." };
        var command = new Command("submit", "Validate an applicant document and queue a job (works while the service runs).") { file };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var path = parseResult.GetValue(file)!;
            if (!path.Exists)
            {
                return await CommonOptions.WriteAsync(StationReply.BadInput($"FILE: {path.FullName} does not exist.\n"));
            }

            var json = await File.ReadAllTextAsync(path.FullName, cancellationToken);
            return await Execute(parseResult, new StationRequest(StationRequest.Submit, json), cancellationToken);
        });
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "List every job, oldest first.") { CommonOptions.Json };
        command.SetAction((parseResult, cancellationToken) =>
            Execute(parseResult, new StationRequest(StationRequest.List, Json: parseResult.GetValue(CommonOptions.Json)), cancellationToken));
        return command;
    }

    private static Command Show()
    {
        var id = new Argument<string>("ID") { Description = "Job id (see 'station job list')." };
        var command = new Command("show", "Show one job with its full history.") { id, CommonOptions.Json };
        command.SetAction((parseResult, cancellationToken) =>
            Execute(parseResult, new StationRequest(StationRequest.Show, parseResult.GetValue(id), parseResult.GetValue(CommonOptions.Json)), cancellationToken));
        return command;
    }

    private static Command Cancel()
    {
        var id = new Argument<string>("ID") { Description = "Job id (see 'station job list')." };
        var command = new Command("cancel", "Cancel a job that has not ended; a card it holds is spoiled.") { id };
        command.SetAction((parseResult, cancellationToken) =>
            Execute(parseResult, new StationRequest(StationRequest.Cancel, parseResult.GetValue(id)), cancellationToken));
        return command;
    }

    internal static async Task<int> Execute(ParseResult parseResult, StationRequest request, CancellationToken cancellationToken) =>
        await CommonOptions.WriteAsync(await StationClient.ExecuteAsync(request, parseResult.GetValue(CommonOptions.DataDir), CommonOptions.Overrides(parseResult), cancellationToken));
}
