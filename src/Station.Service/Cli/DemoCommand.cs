using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Station.Service.Hosting;
using Station.Service.Jobs;
using Station.Service.Pipeline;
using Station.Service.Stock;

namespace Station.Service.Cli;

/// <summary>
/// <c>station demo --cards N</c>: makes sure the data directory holds demo jobs DEMO-000001…N (submitting is
/// idempotent, so a re-run adds nothing and resumes), runs the pipeline on the simulated devices until every job
/// has ended, and prints progress and a summary. Exit 0 only when all N demo jobs completed.
/// </summary>
public static class DemoCommand
{
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(1);

    public static Command Create()
    {
        var cards = new Option<int>("--cards") { Description = "Number of demo jobs the data directory should hold.", Required = true };
        var latency = new Option<int?>("--sim-latency-ms") { Description = "Latency of every simulated device operation, in ms." };
        var faults = new Option<string?>("--faults") { Description = "Injected faults, e.g. jam=0.05,chip-write=every:7,camera=0.1 (names: " + string.Join(", ", Devices.Simulation.FaultPlan.FaultNames) + ")." };
        var samples = new Option<DirectoryInfo?>("--samples") { Description = "Folder of sample applicant documents (default: the samples shipped with station)." };
        var memoryReport = new Option<bool>("--memory-report")
        {
            Description = "Before the first card and after the last, let the runtime's background compiler finish, collect garbage and print the settled resident memory, split into private memory and mapped files (scripts/bench.sh uses it; adds a few seconds).",
        };
        var command = new Command("demo", "Issue N sample cards end to end on the simulated devices.") { cards, latency, faults, samples, memoryReport };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult,
            parseResult.GetValue(cards),
            parseResult.GetValue(latency),
            parseResult.GetValue(faults),
            parseResult.GetValue(samples)?.FullName ?? DemoSamples.DefaultDirectory,
            parseResult.GetValue(memoryReport),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parseResult, int cards, int? latencyMs, string? faults, string samplesDirectory, bool memoryReport, CancellationToken cancellationToken)
    {
        if (cards < 1)
        {
            return await CommonOptions.WriteAsync(StationReply.BadInput("--cards: must be at least 1.\n"));
        }

        var samples = DemoSamples.Load(samplesDirectory);
        if (samples.Count == 0)
        {
            return await CommonOptions.WriteAsync(StationReply.Failure($"No sample applicants (*.json) in {samplesDirectory}; pass --samples DIR.\n"));
        }

        // Only what was given on this verb overrides the configuration.
        var verbSettings = new Dictionary<string, string?>();
        if (latencyMs is { } ms)
        {
            verbSettings["Simulation:LatencyMs"] = ms.ToString(CultureInfo.InvariantCulture);
        }

        if (faults is not null)
        {
            verbSettings["Simulation:Faults"] = faults;
        }

        var configuration = StationConfiguration.Build(CommonOptions.Overrides(parseResult), verbSettings);
        var dataDir = DataDirectory.Resolve(parseResult.GetValue(CommonOptions.DataDir), configuration["Station:DataDir"]);

        // A bad value, a foreign database or a stock that does not add up is described by StationCli.
        await using var provider = StationRuntime.Build(configuration, dataDir, issuesCards: true);
        return await RunDemoAsync(provider, samples, cards, dataDir, memoryReport, cancellationToken);
    }

    private static async Task<int> RunDemoAsync(ServiceProvider provider, IReadOnlyList<string> samples, int cards, string dataDir, bool memoryReport, CancellationToken cancellationToken)
    {
        var control = provider.GetRequiredService<IStationControl>();
        var store = provider.GetRequiredService<JobStore>();
        var stock = provider.GetRequiredService<CardStock>();
        var settings = provider.GetRequiredService<Devices.Simulation.SimulationSettings>();
        var waitSeconds = provider.GetRequiredService<IOptions<PipelineOptions>>().Value.WaitSeconds;

        Console.WriteLine($"demo: {cards} card(s), data directory {dataDir}, simulated devices (latency {settings.Latency.PerOperation.TotalMilliseconds} ms, faults {settings.Faults})");
        var added = 0;
        for (var number = 1; number <= cards; number++)
        {
            var outcome = control.Submit(DemoSamples.ForJob(samples, number), "demo");
            if (!outcome.Accepted)
            {
                await Console.Error.WriteLineAsync($"Sample for {DemoSamples.ApplicationId(number)} was rejected:");
                foreach (var error in outcome.Errors)
                {
                    await Console.Error.WriteLineAsync($"{error.Field}: {error.Message}");
                }

                return ExitCodes.BadInput;
            }

            added += outcome.AlreadyExisted ? 0 : 1;
        }

        Console.WriteLine(added == 0 ? "demo: all jobs already submitted; resuming." : $"demo: submitted {added} new job(s).");
        var resolved = await provider.GetRequiredService<StartupRecovery>().RunAsync(cancellationToken);
        if (resolved > 0)
        {
            Console.WriteLine($"demo: recovered {resolved} interrupted job(s) or card(s).");
        }

        var pipeline = provider.GetRequiredService<IssuancePipeline>();
        // The submissions' garbage is collected before the clock starts, so that the rate is the pipeline's own.
        var report = memoryReport ? new DemoMemoryReport(cards) : null;
        if (report is not null)
        {
            await report.ReadBeforeAsync(cancellationToken);
        }
        else
        {
            MemoryTrim.ReturnFreedMemory();
        }

        var issuedBefore = stock.Summary().Issued;
        var clock = Stopwatch.StartNew();
        var lastProgress = TimeSpan.Zero;
        while (true)
        {
            var turn = await pipeline.RunNextAsync(cancellationToken);
            if (turn == PipelineTurn.Idle)
            {
                break;
            }

            if (turn == PipelineTurn.Worked && report is not null)
            {
                // The middle reading's waits are not the pipeline's time.
                clock.Stop();
                await report.JobEndedAsync(cancellationToken);
                clock.Start();
            }

            if (turn == PipelineTurn.Waiting)
            {
                Console.WriteLine($"demo: waiting {waitSeconds} s (see the alarm above).");
                await Task.Delay(TimeSpan.FromSeconds(waitSeconds), cancellationToken);
            }

            if (clock.Elapsed - lastProgress >= ProgressEvery)
            {
                lastProgress = clock.Elapsed;
                Console.WriteLine("demo: " + Progress(store, stock, cards, issuedBefore, clock.Elapsed));
            }
        }

        var demoJobs = Enumerable.Range(1, cards).Select(n => store.FindByApplicationId(DemoSamples.ApplicationId(n))).ToList();
        var completed = demoJobs.Count(j => j?.State == JobState.Completed);
        Console.WriteLine($"demo: done. {Progress(store, stock, cards, issuedBefore, clock.Elapsed)}; elapsed {clock.Elapsed.TotalSeconds:F1} s");
        await ReportMemoryAsync(report, cancellationToken);
        if (completed == cards)
        {
            return ExitCodes.Success;
        }

        await Console.Error.WriteLineAsync($"demo: {cards - completed} of {cards} demo job(s) did not complete; see 'station job list' and 'station job show ID' for the reasons.");
        return ExitCodes.Failure;
    }

    /// <summary>The peak, or with <c>--memory-report</c> the settled readings (<see cref="DemoMemoryReport"/>), in MiB.</summary>
    private static async Task ReportMemoryAsync(DemoMemoryReport? report, CancellationToken cancellationToken)
    {
        var collections = $"{GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}";
        if (report is not null)
        {
            await report.PrintAsync(collections, cancellationToken);
            return;
        }

        var peak = ProcessMemory.ReadCurrent()?.PeakKiB;
        Console.WriteLine(peak is { } kib
            ? $"demo: peak resident memory {DemoMemoryReport.Mebibytes(kib)} MB; garbage collections gen0/1/2 {collections} (--memory-report prints settled readings)."
            : $"demo: garbage collections gen0/1/2 {collections}.");
    }

    private static string Progress(JobStore store, CardStock stock, int cards, long issuedBefore, TimeSpan elapsed)
    {
        var jobs = store.CountByState();
        var ended = jobs[JobState.Completed] + jobs[JobState.Failed] + jobs[JobState.Cancelled];
        var summary = stock.Summary();
        var issuedNow = summary.Issued - issuedBefore;
        var rate = elapsed.TotalSeconds > 0 ? issuedNow / elapsed.TotalSeconds : 0;
        return string.Create(CultureInfo.InvariantCulture,
            $"{ended}/{jobs.Values.Sum()} jobs ended (target {cards}): completed {jobs[JobState.Completed]}, failed {jobs[JobState.Failed]}, spoiled cards {summary.Spoiled}, {rate:F1} cards/s");
    }
}
