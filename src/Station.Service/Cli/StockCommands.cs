using System.CommandLine;

namespace Station.Service.Cli;

/// <summary><c>station stock [--json]</c> and <c>station stock load --first SERIAL --count N</c>.</summary>
public static class StockCommands
{
    public static Command Create()
    {
        var stock = new Command("stock", "Show the blank-card stock (loaded = in hopper + in use + issued + spoiled).") { CommonOptions.Json };
        stock.SetAction((parseResult, cancellationToken) =>
            JobCommands.Execute(parseResult, new StationRequest(StationRequest.Stock, Json: parseResult.GetValue(CommonOptions.Json)), cancellationToken));

        var first = new Option<string>("--first") { Description = "Serial of the first card, e.g. VN000000001.", Required = true };
        var count = new Option<int>("--count") { Description = "Number of consecutive cards loaded.", Required = true };
        var load = new Command("load", "Record a load of blank cards into the hopper.") { first, count };
        load.SetAction((parseResult, cancellationToken) =>
            JobCommands.Execute(parseResult, new StationRequest(StationRequest.StockLoad, parseResult.GetValue(first), Count: parseResult.GetValue(count)), cancellationToken));
        stock.Subcommands.Add(load);
        return stock;
    }
}
