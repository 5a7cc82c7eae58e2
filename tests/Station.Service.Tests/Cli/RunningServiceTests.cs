using System.Diagnostics;
using System.Text.Json;
using Station.Service.Pipeline;
using Station.Service.Tests.TestSupport;

namespace Station.Service.Tests.Cli;

/// <summary><c>station run</c> holds the database; technician commands reach it through its control socket.</summary>
public sealed class RunningServiceTests : IDisposable
{
    private readonly string _dir = TestStation.NewDataDir();

    [Fact]
    public async Task JobSubmitWhileTheServiceRunsGoesThroughTheServiceWhichIssuesTheCard()
    {
        using var service = Process.Start(StationProcess.StartInfo("run", "--data-dir", _dir))!;
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        service.OutputDataReceived += (_, e) => log.Enqueue(e.Data ?? "");
        service.ErrorDataReceived += (_, e) => log.Enqueue(e.Data ?? "");
        service.BeginOutputReadLine();
        service.BeginErrorReadLine();
        try
        {
            var socket = Path.Combine(_dir, "station.sock");
            var waited = Stopwatch.StartNew();
            while (!File.Exists(socket))
            {
                Assert.False(service.HasExited, "station run exited: " + string.Join('\n', log));
                Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), "station run did not open its control socket within 60 s: " + string.Join('\n', log));
                await Task.Delay(100);
            }

            // Let the pipeline go idle first: the job must wake it, not wait for its next look at the database.
            await Task.Delay(TimeSpan.FromSeconds(2));
            var submit = await StationProcess.RunAsync("job", "submit", Path.Combine(StationProcess.SamplesDirectory, "02-tran-thi-bich-ngoc.json"), "--data-dir", _dir);
            Assert.True(submit.ExitCode == 0, submit.ToString());
            Assert.StartsWith("Accepted: job ", submit.Stdout, StringComparison.Ordinal);
            var submitted = Stopwatch.StartNew();

            string? state = null;
            while (state != "Completed")
            {
                Assert.True(waited.Elapsed < TimeSpan.FromSeconds(90), $"job still {state}: " + string.Join('\n', log));
                await Task.Delay(200);
                var list = await StationProcess.RunAsync("job", "list", "--json", "--data-dir", _dir);
                Assert.True(list.ExitCode == 0, list.ToString());
                using var json = JsonDocument.Parse(list.Stdout);
                state = json.RootElement[0].GetProperty("state").GetString();
            }

            // On zero-latency simulators a card takes well under a second once started.
            Assert.True(submitted.Elapsed < PipelineWorker.IdleRecheck / 2, $"the card took {submitted.Elapsed} after the submit: the submit did not wake the idle pipeline");
            Assert.Contains(log, line => line.Contains("SIMULATED devices", StringComparison.Ordinal));

            // SIGTERM (what systemd sends): a clean stop, exit 0, control socket removed.
            using (var term = Process.Start("kill", ["-TERM", service.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            using var stopTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await service.WaitForExitAsync(stopTimeout.Token);
            Assert.True(service.ExitCode == 0, $"exit {service.ExitCode}: " + string.Join('\n', log));
            Assert.False(File.Exists(socket));
        }
        finally
        {
            if (!service.HasExited)
            {
                service.Kill();
                await service.WaitForExitAsync();
            }
        }
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
