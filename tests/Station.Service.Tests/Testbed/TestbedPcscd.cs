namespace Station.Service.Tests.Testbed;

/// <summary>
/// Kills and restarts the shared pcscd through <c>scripts/testbed/pcscd.sh</c> (the same start as up.sh, recorded for
/// down.sh). Only for tests in the <see cref="Category"/> category, which test.sh runs alone after the main run.
/// </summary>
public static class TestbedPcscd
{
    /// <summary>The xunit trait value of tests that disturb the shared test bed (e.g. kill pcscd).</summary>
    public const string Category = "ExclusiveTestbed";

    /// <summary>SIGKILLs the running pcscd, as a crash would.</summary>
    /// <exception cref="InvalidOperationException">pcscd could not be killed (not running, not root); the message says why.</exception>
    public static Task Kill() => Run("kill");

    /// <summary>Starts pcscd again and waits for the vpcd readers (a no-op when one is already serving).</summary>
    /// <exception cref="InvalidOperationException">pcscd could not be started; the message carries the script's output.</exception>
    public static Task Start() => Run("start");

    private static async Task Run(string verb)
    {
        _ = TestbedEnvironment.Directory; // fails with "run the tests through ./test.sh" outside the test bed
        var result = await ToolRun.Run("/bin/bash", [RepositoryPaths.Combine("scripts", "testbed", "pcscd.sh"), verb], TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/testbed/pcscd.sh {verb} failed (exit {result.ExitCode}): the test cannot manage pcscd.\n{result.Output}");
        }
    }
}
