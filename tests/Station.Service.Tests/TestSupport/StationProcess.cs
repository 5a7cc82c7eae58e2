using System.Diagnostics;
using System.Text;

namespace Station.Service.Tests.TestSupport;

/// <summary>Runs the built <c>station</c> executable as a child process (<c>dotnet station.dll ...</c>).</summary>
internal static class StationProcess
{
    public static readonly string SamplesDirectory = Path.Combine(AppContext.BaseDirectory, "Samples");

    /// <summary>station.dll of the service project's own build output (same configuration as the tests).</summary>
    public static string StationDll
    {
        get
        {
            var testBin = new DirectoryInfo(AppContext.BaseDirectory); // tests/Station.Service.Tests/bin/<Configuration>/<tfm>/
            var configuration = testBin.Parent!.Name;
            var repo = testBin.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
            var own = Path.Combine(repo, "src", "Station.Service", "bin", configuration, testBin.Name, "station.dll");
            var path = File.Exists(own) ? own : Path.Combine(AppContext.BaseDirectory, "station.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException($"station.dll not found at {own}; build src/Station.Service first.");
        }
    }

    public static ProcessStartInfo StartInfo(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add(StationDll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // Keep the child away from systemd detection and any machine configuration in the environment.
        info.Environment.Remove("INVOCATION_ID");
        info.Environment.Remove("NOTIFY_SOCKET");
        return info;
    }

    public static Task<StationResult> RunAsync(params string[] args) => RunAsync(null, args);

    /// <summary>Runs <c>station</c> to the end (3 minutes at most) with <paramref name="environment"/> added; its standard input is closed.</summary>
    public static async Task<StationResult> RunAsync(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var info = StartInfo(args);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info)!;
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
}

/// <summary>Exit code and output of one <c>station</c> run.</summary>
internal sealed record StationResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}
