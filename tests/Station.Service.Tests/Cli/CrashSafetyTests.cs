using System.Diagnostics;
using System.Text.Json.Nodes;
using Station.Service.Events;
using Station.Service.Jobs;
using Station.Service.Stock;
using Station.Service.Storage;
using Station.Service.Tests.TestSupport;
using Xunit.Abstractions;

namespace Station.Service.Tests.Cli;

/// <summary>
/// The crash-safety test: <c>station demo --cards 50 --sim-latency-ms 20</c> as a child process, killed with SIGKILL
/// at random moments at least 20 times (some during start-up, most while cards are in the printer), restarted each
/// time (with an injected chip-write fault every 9th write), then run to the end. Every job must be completed exactly once, no serial issued twice, the stock identity
/// must hold and every spoiled card must have a reason.
/// </summary>
public sealed class CrashSafetyTests(ITestOutputHelper output) : IDisposable
{
    private const int Cards = 50;
    private const int Kills = 20;
    private readonly string _dir = TestStation.NewDataDir();

    [Fact]
    public async Task DemoSurvivesRepeatedSigkillAndIssuesEveryCardExactlyOnce()
    {
        var random = new Random(20261127);
        var kills = 0;
        for (var start = 1; kills < Kills; start++)
        {
            Assert.True(start <= 3 * Kills, $"only {kills} kills landed in {start - 1} starts");
            if (await StartAndKillAsync(random))
            {
                kills++;
            }
            else
            {
                break; // the demo finished before it was killed
            }
        }

        Assert.True(kills >= Kills, $"the demo finished after only {kills} kills; the test needs {Kills}");
        var final = await StationProcess.RunAsync(DemoArgs);
        Assert.True(final.ExitCode == 0, final.ToString());
        output.WriteLine(final.Stdout);

        using var database = StationDatabase.Open(_dir);
        var jobs = database.Jobs.FindAll().ToList();
        var cards = database.Cards.FindAll().ToList();
        var completedEvents = database.Outbox.FindAll()
            .Select(m => JsonNode.Parse(m.Payload)!)
            .Where(p => p["type"]!.GetValue<string>() == EventTypes.JobCompleted)
            .GroupBy(p => p["jobId"]!.GetValue<string>())
            .ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(Cards, jobs.Count);
        Assert.All(jobs, job =>
        {
            Assert.Equal(JobState.Completed, job.State);
            Assert.Single(job.History, r => r.Action.EndsWith("→Completed", StringComparison.Ordinal));
            Assert.Equal(1, completedEvents.GetValueOrDefault(job.Id));
        });

        var issued = cards.Where(c => c.State == CardState.Issued).ToList();
        Assert.Equal(Cards, issued.Count);
        Assert.Equal(Cards, issued.Select(c => c.Serial).Distinct().Count());
        Assert.Equal(jobs.Select(j => (j.Id, j.CardSerial)).Order(), issued.Select(c => (c.JobId!, (string?)c.Serial)).Order());

        var counted = new StockSummary(
            database.StockLoads.FindAll().Sum(l => (long)l.Count),
            cards.Count(c => c.State == CardState.InHopper),
            cards.Count(c => c.State == CardState.InUse),
            issued.Count,
            cards.Count(c => c.State == CardState.Spoiled));
        Assert.True(counted.IdentityHolds, counted.ToString());
        Assert.Equal(cards.Count, counted.Loaded);
        Assert.Equal(0, counted.InUse);
        Assert.All(cards.Where(c => c.State == CardState.Spoiled), c => Assert.False(string.IsNullOrEmpty(c.Reason), $"card {c.Serial} spoiled without a reason"));
        output.WriteLine($"{kills} kills; stock {counted}; spoiled by reason: " +
            string.Join(", ", cards.Where(c => c.State == CardState.Spoiled).GroupBy(c => c.Reason).Select(g => $"{g.Key} {g.Count()}")));
    }

    // Every 9th chip write fails too, so cards are also spoiled for ordinary reasons between the kills.
    private string[] DemoArgs => ["demo", "--cards", $"{Cards}", "--sim-latency-ms", "20", "--faults", "chip-write=every:9", "--samples", StationProcess.SamplesDirectory, "--data-dir", _dir];

    /// <summary>Starts the demo and SIGKILLs it; false when it had already finished.</summary>
    private async Task<bool> StartAndKillAsync(Random random)
    {
        using var process = Process.Start(StationProcess.StartInfo(DemoArgs))!;
        var working = new TaskCompletionSource();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line && (line.StartsWith("demo: submitted", StringComparison.Ordinal) || line.StartsWith("demo: all jobs already", StringComparison.Ordinal)))
            {
                working.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        if (random.NextDouble() < 0.25)
        {
            await Task.Delay(random.Next(0, 400)); // somewhere in start-up, submission or recovery
        }
        else
        {
            await Task.WhenAny(working.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(60)));
            // While cards move through the printer: about 200 ms of simulated device time per card, so a kill every
            // 0.1-1 s leaves work for all 20 kills on a fast machine and still lands past the (cold-JIT) first card.
            await Task.Delay(random.Next(100, 1000));
        }

        if (process.HasExited)
        {
            Assert.True(process.ExitCode == 0, $"the demo exited with {process.ExitCode} before it was killed");
            return false;
        }

        process.Kill(); // SIGKILL: no clean-up, no flush beyond what LiteDB already committed
        await process.WaitForExitAsync();
        return true;
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
