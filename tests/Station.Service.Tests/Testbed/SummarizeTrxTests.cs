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

    private Task WriteTrx(string name, int passed, int failed, string? failedTest = null, string runOutcome = "Completed")
    {
        var results = failedTest is null
            ? string.Empty
            : $"""<Results><UnitTestResult testName="{failedTest}" outcome="Failed" /></Results>""";
        var xml = $"""
            <?xml version="1.0" encoding="utf-8"?>
            <TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
              {results}
              <ResultSummary outcome="{runOutcome}">
                <Counters total="{passed + failed}" executed="{passed + failed}" passed="{passed}" failed="{failed}" error="0" timeout="0" aborted="0" />
              </ResultSummary>
            </TestRun>
            """;
        return File.WriteAllTextAsync(Path.Combine(_folder.FullName, name), xml);
    }
}
