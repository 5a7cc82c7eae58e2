using System.Diagnostics;
using System.Globalization;

namespace Station.Service.Tests.Center.Fixtures;

/// <summary>
/// Entry point of the test assembly, so a test can run the center link in a separate process and SIGKILL it:
/// <c>dotnet Station.Service.Tests.dll center-station DB STATION_ID BROKER KEEPALIVE</c>. It prints
/// <c>connected</c> once the birth is out, then runs until killed. Without those arguments it does nothing
/// (the test runner never calls it).
/// </summary>
public static class CrashHostProgram
{
    public const string Verb = "center-station";

    public static async Task<int> Main(string[] args)
    {
        if (args is not [Verb, var database, var stationId, var broker, var keepAlive]) return 0;
        await using var station = await StationHarness.StartAsync(database, StationHarness.Settings(stationId, broker, ("KeepAliveSeconds", keepAlive)));
        await station.WaitConnectedAsync(TimeSpan.FromSeconds(30));
        Console.WriteLine("connected");
        await Task.Delay(Timeout.Infinite);
        return 0;
    }

    /// <summary>Starts this assembly as a station process with the same .NET host that runs the tests.</summary>
    public static Process Start(string database, string stationId, string broker, int keepAliveSeconds)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var assembly = typeof(CrashHostProgram).Assembly.Location;
        return Process.Start(new ProcessStartInfo(dotnet, ["exec", assembly, Verb, database, stationId, broker, keepAliveSeconds.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException($"could not start {dotnet} {assembly}");
    }
}
