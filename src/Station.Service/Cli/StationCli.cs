using System.CommandLine;

namespace Station.Service.Cli;

/// <summary>The <c>station</c> command line: <c>run</c> (default), <c>demo</c>, <c>job …</c>, <c>stock …</c>, <c>chip …</c>, <c>pki init</c>, <c>readers</c>.</summary>
public static class StationCli
{
    public static RootCommand Create()
    {
        var root = new RootCommand("Station: the service inside a national-ID card issuance station, and its technician commands.");
        root.Options.Add(CommonOptions.DataDir);
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(JobCommands.Create());
        root.Subcommands.Add(StockCommands.Create());
        root.Subcommands.Add(ChipCommands.Create());
        root.Subcommands.Add(PkiCommands.Create());
        root.Subcommands.Add(ReadersCommand.Create());
        root.SetAction(RunCommand.RunAsync);
        return root;
    }

    /// <summary>Parses and runs; parse errors are bad input (exit 2) with the errors on stderr.</summary>
    public static async Task<int> InvokeAsync(string[] args)
    {
        var parseResult = Create().Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors)
            {
                await Console.Error.WriteLineAsync(error.Message);
            }

            await Console.Error.WriteLineAsync("See 'station --help' or 'station <verb> --help'.");
            return ExitCodes.BadInput;
        }

        return await parseResult.InvokeAsync();
    }
}
