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

    /// <summary><c>mqtt://127.0.0.1:PORT</c>.</summary>
    public static string PlainBroker(int port) => $"mqtt://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>
    /// Starts <c>station run --station-id <paramref name="stationId"/> --broker <paramref name="broker"/></c> (plain
    /// <c>mqtt://</c> explicitly allowed), or without <c>--broker</c> (offline) when it is null;
    /// <paramref name="settings"/> are further <c>--Section:Key=value</c> overrides.
    /// </summary>
    public static StationRunProcess Start(string stationId, string? broker, int telemetryIntervalSeconds, string? dataDirectory = null, params string[] settings)
    {
        var data = dataDirectory ?? TestStation.NewDataDir();
        string[] brokerArgs = broker is null ? [] : ["--broker", broker];
        var process = Process.Start(StationProcess.StartInfo(
        [
            "run",
            "--data-dir", data,
            "--station-id", stationId,
            .. brokerArgs,
            "--Center:AllowPlaintext=true",
            $"--Center:KeepAliveSeconds={KeepAliveSeconds}",
            $"--Center:TelemetryIntervalSeconds={telemetryIntervalSeconds.ToString(CultureInfo.InvariantCulture)}",
            "--Center:ReconnectInitialDelaySeconds=0.2",
            "--Center:ReconnectMaxDelaySeconds=1",
            "--Simulation:SavePrintedFaces=false",
            .. settings,
        ])) ?? throw new InvalidOperationException("station run did not start");
        return new StationRunProcess(process, data);
    }

    /// <summary>Waits until the service listens on its control socket, so <c>station job</c> commands reach it.</summary>
    public async Task WaitReadyAsync(TimeSpan patience)
    {
        var socket = Path.Combine(DataDirectory, "station.sock");
        var deadline = DateTime.UtcNow + patience;
        while (!File.Exists(socket))
        {
            if (_process.HasExited) throw new InvalidOperationException($"station run exited before it was ready:\n{Log}");
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"station run did not open {socket} in {patience}:\n{Log}");
            await Task.Delay(100);
        }
    }

    /// <summary>Power loss as the broker sees it: SIGKILL, no DISCONNECT.</summary>
    public void KillHard()
    {
        _process.Kill();
        _process.WaitForExit(10_000);
    }

    /// <summary>Stops the station as systemd does (SIGTERM) and waits for a clean exit; the data directory stays for a restart.</summary>
    public async Task StopAsync()
    {
        using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
        if (_process.ExitCode != 0) throw new InvalidOperationException($"station run exited with {_process.ExitCode}:\n{Log}");
    }

    /// <summary>Waits until every job in <paramref name="jobIds"/> has ended, asking the running service (<c>station job list</c>).</summary>
    public async Task WaitUntilEndedAsync(IReadOnlyCollection<string> jobIds, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            var list = await StationProcess.RunAsync("job", "list", "--json", "--data-dir", DataDirectory);
            if (list.ExitCode != 0) throw new InvalidOperationException(list.ToString());
            using var json = System.Text.Json.JsonDocument.Parse(list.Stdout);
            var ended = json.RootElement.EnumerateArray()
                .Count(j => jobIds.Contains(j.GetProperty("id").GetString()) && j.GetProperty("state").GetString() is "Completed" or "Failed" or "Cancelled");
            if (ended == jobIds.Count) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"jobs did not end: {list.Stdout}\n{Log}");
            await Task.Delay(250);
        }
    }

    /// <summary>Submits an applicant file through the running service's control socket (<c>station job submit</c>) and returns the job id.</summary>
    public async Task<string> SubmitAsync(string applicantFile)
    {
        var submitted = await StationProcess.RunAsync("job", "submit", applicantFile, "--data-dir", DataDirectory);
        if (submitted.ExitCode != 0 || !submitted.Stdout.StartsWith("Accepted: job ", StringComparison.Ordinal))
            throw new InvalidOperationException("station job submit failed: " + submitted);
        return submitted.Stdout["Accepted: job ".Length..].Trim().TrimEnd('.');
    }

    /// <summary>Keeps the data directory when disposed (for a restart by another instance).</summary>
    public bool KeepData { get; set; }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        if (KeepData) return;
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
