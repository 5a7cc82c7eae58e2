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

        try
        {
            // Errors every verb can meet (a configuration file that is not JSON) are described here, once.
            return await parseResult.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (StartupFailure.TryDescribe(e, out var code, out var message))
        {
            await Console.Error.WriteLineAsync(message);
            return code;
        }
        catch (Exception e)
        {
            // What System.CommandLine's own handler did: a cancelled run ends quietly, anything else is printed.
            if (e is not OperationCanceledException)
            {
                await Console.Error.WriteLineAsync("Unhandled exception: " + e);
            }

            return ExitCodes.Failure;
        }
    }
}
