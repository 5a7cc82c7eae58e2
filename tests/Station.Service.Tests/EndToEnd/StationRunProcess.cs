using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Station.Service.Tests.TestSupport;

namespace Station.Service.Tests.EndToEnd;

/// <summary>
/// The real <c>station run</c> executable as a child process, connected to a broker on loopback with plain MQTT
/// explicitly allowed, short keep-alive and reconnect delays, and its own data directory (deleted on dispose).
/// </summary>
internal sealed class StationRunProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log = new();

    private StationRunProcess(Process process, string dataDirectory)
    {
        _process = process;
        DataDirectory = dataDirectory;
        _process.OutputDataReceived += (_, e) => _log.Enqueue(e.Data ?? "");
        _process.ErrorDataReceived += (_, e) => _log.Enqueue(e.Data ?? "");
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public const int KeepAliveSeconds = 2;

    public string DataDirectory { get; }
    public string Log => string.Join('\n', _log);
    public bool HasExited => _process.HasExited;

    /// <summary>Starts <c>station run --station-id <paramref name="stationId"/> --broker mqtt://127.0.0.1:<paramref name="brokerPort"/></c>.</summary>
    public static StationRunProcess Start(string stationId, int brokerPort, int telemetryIntervalSeconds, string? dataDirectory = null)
    {
        var data = dataDirectory ?? TestStation.NewDataDir();
        var process = Process.Start(StationProcess.StartInfo(
            "run",
            "--data-dir", data,
            "--station-id", stationId,
            "--broker", $"mqtt://127.0.0.1:{brokerPort}",
            "--Center:AllowPlaintext=true",
            $"--Center:KeepAliveSeconds={KeepAliveSeconds}",
            $"--Center:TelemetryIntervalSeconds={telemetryIntervalSeconds.ToString(CultureInfo.InvariantCulture)}",
            "--Center:ReconnectInitialDelaySeconds=0.2",
            "--Center:ReconnectMaxDelaySeconds=1",
            "--Simulation:SavePrintedFaces=false")) ?? throw new InvalidOperationException("station run did not start");
        return new StationRunProcess(process, data);
    }

    /// <summary>Power loss as the broker sees it: SIGKILL, no DISCONNECT.</summary>
    public void KillHard()
    {
        _process.Kill();
        _process.WaitForExit(10_000);
    }

    /// <summary>Submits an applicant file through the running service's control socket (<c>station job submit</c>).</summary>
    public async Task<StationResult> SubmitAsync(string applicantFile) =>
        await StationProcess.RunAsync("job", "submit", applicantFile, "--data-dir", DataDirectory);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A test's leftover temporary folder is not worth failing the test for.
        }
    }
}
