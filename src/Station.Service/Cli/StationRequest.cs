namespace Station.Service.Cli;

/// <summary>
/// One technician command against the station's data (job submit/list/show/cancel, stock, stock load), in a form
/// that runs in this process or is sent to the running service over its control socket.
/// </summary>
public sealed record StationRequest(string Verb, string? Argument = null, bool Json = false, int Count = 0)
{
    public const string Submit = "job.submit";
    public const string List = "job.list";
    public const string Show = "job.show";
    public const string Cancel = "job.cancel";
    public const string Stock = "stock";
    public const string StockLoad = "stock.load";
}
