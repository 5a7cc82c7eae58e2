using System.Diagnostics;

namespace Station.Service.Tests.Testbed;

/// <summary>The outcome of a command run to completion.</summary>
/// <param name="ExitCode">The process exit code.</param>
/// <param name="StandardOutput">Everything written to stdout.</param>
/// <param name="StandardError">Everything written to stderr.</param>
public sealed record ToolResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>stdout and stderr together, trimmed, for assertion messages.</summary>
    public string Output => (StandardOutput + StandardError).Trim();
}

/// <summary>Runs a test-bed tool (opensc-tool, lp, softhsm2-util ...) to completion.</summary>
public static class ToolRun
{
    /// <summary>Runs <paramref name="fileName"/> with arguments passed verbatim (no shell).</summary>
    /// <exception cref="TimeoutException">It did not finish within <paramref name="timeout"/> (default 30 s); it is killed.</exception>
    public static async Task<ToolResult> Run(string fileName, IEnumerable<string> arguments, TimeSpan? timeout = null)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"could not start {fileName}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        using var cancellation = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(cancellation.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(fileName)} {string.Join(' ', startInfo.ArgumentList)} did not finish within {limit.TotalSeconds:0.#} s");
        }

        return new ToolResult(process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
    }

    /// <inheritdoc cref="Run(string, IEnumerable{string}, TimeSpan?)"/>
    public static Task<ToolResult> Run(string fileName, params string[] arguments) => Run(fileName, arguments, null);
}
