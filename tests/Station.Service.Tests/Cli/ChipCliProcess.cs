using Station.Service.Tests.TestSupport;

namespace Station.Service.Tests.Cli;

/// <summary>Runs the <c>station</c> binary for the chip, PKI and readers verbs, optionally with extra environment variables.</summary>
internal static class ChipCliProcess
{
    public static async Task<StationResult> RunAsync(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var info = StationProcess.StartInfo(args);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        using var process = System.Diagnostics.Process.Start(info)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"station {string.Join(' ', args)} did not finish in 3 minutes.");
        }

        return new StationResult(process.ExitCode, await stdout, await stderr);
    }

    public static Task<StationResult> RunAsync(params string[] args) => RunAsync(null, args);

    /// <summary>A sample applicant of <c>samples/applicants</c>.</summary>
    public static string Sample(string name) => Testbed.RepositoryPaths.Combine("samples", "applicants", name);
}
