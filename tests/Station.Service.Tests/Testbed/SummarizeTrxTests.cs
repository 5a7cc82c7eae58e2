namespace Station.Service.Tests.Testbed;

/// <summary>scripts/testbed/summarize-trx.py, which prints the `N passed, N failed` line CI reads.</summary>
public sealed class SummarizeTrxTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("station-trx-");

    private static string Script => RepositoryPaths.Combine("scripts", "testbed", "summarize-trx.py");

    [Fact]
    public async Task Sums_every_trx_file_and_lists_failed_tests()
    {
        await WriteTrx("a.trx", passed: 3, failed: 1, failedTest: "Station.X.Tests.Broken");
        await WriteTrx("b.trx", passed: 2, failed: 0);

        var result = await ToolRun.Run(ToolLocator.Require("python3"), Script, _folder.FullName);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("5 passed, 1 failed", result.StandardOutput.Trim());
        Assert.Contains("FAILED Station.X.Tests.Broken", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_project_with_tests_in_only_one_of_the_two_runs_is_not_noted()
    {
        // test.sh's ExclusiveTestbed run matches nothing in most projects; their main run had tests.
        await WriteTrx("main.trx", passed: 4, failed: 0, assembly: "Station.X.Tests.dll");
        await WriteTrx("exclusive.trx", passed: 0, failed: 0, assembly: "Station.X.Tests.dll");
        await WriteTrx("other.trx", passed: 0, failed: 0, assembly: "Station.Y.Tests.dll");

        var result = await ToolRun.Run(ToolLocator.Require("python3"), Script, _folder.FullName);

        Assert.Equal("4 passed, 0 failed", result.StandardOutput.Trim());
        Assert.DoesNotContain("Station.X.Tests.dll ran no tests", result.StandardError, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("note: Station.Y.Tests.dll ran no tests", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_project_without_tests_is_noted_not_failed()
    {
        await WriteTrx("empty.trx", passed: 0, failed: 0);

        var result = await ToolRun.Run(ToolLocator.Require("python3"), Script, _folder.FullName);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("0 passed, 0 failed", result.StandardOutput.Trim());
        Assert.Contains("ran no tests", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_aborted_run_counts_as_a_failure_even_when_its_counters_show_none()
    {
        // What a hang-killed test host leaves: the finished tests passed, the hung one is missing.
        await WriteTrx("aborted.trx", passed: 2, failed: 0, runOutcome: "Failed");

        var result = await ToolRun.Run(ToolLocator.Require("python3"), Script, _folder.FullName);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("2 passed, 1 failed", result.StandardOutput.Trim());
        Assert.Contains("ABORTED test run", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_results_at_all_is_a_failure()
    {
        var result = await ToolRun.Run(ToolLocator.Require("python3"), Script, _folder.FullName);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no .trx results", result.StandardError, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    /// <param name="assembly">As vstest names it: a lower-case storage path when tests ran, else the RunInfo text.</param>
    private Task WriteTrx(string name, int passed, int failed, string? failedTest = null, string runOutcome = "Completed", string? assembly = null)
    {
        var definitions = assembly is null || passed + failed == 0
            ? string.Empty
            : $"""<TestDefinitions><UnitTest storage="/repo/bin/{assembly.ToLowerInvariant()}" /></TestDefinitions>""";
        var runInfos = assembly is null || passed + failed > 0
            ? string.Empty
            : $"""<RunInfos><RunInfo><Text>No test matches the given testcase filter in /repo/bin/{assembly}</Text></RunInfo></RunInfos>""";
        var results = failedTest is null
            ? string.Empty
            : $"""<Results><UnitTestResult testName="{failedTest}" outcome="Failed" /></Results>""";
        var xml = $"""
            <?xml version="1.0" encoding="utf-8"?>
            <TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
              {definitions}
              {results}
              <ResultSummary outcome="{runOutcome}">
                <Counters total="{passed + failed}" executed="{passed + failed}" passed="{passed}" failed="{failed}" error="0" timeout="0" aborted="0" />
                {runInfos}
              </ResultSummary>
            </TestRun>
            """;
        return File.WriteAllTextAsync(Path.Combine(_folder.FullName, name), xml);
    }
}
