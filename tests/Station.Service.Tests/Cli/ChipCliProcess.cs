using Station.Service.Tests.TestSupport;

namespace Station.Service.Tests.Cli;

/// <summary>Runs the <c>station</c> binary for the chip, PKI and readers verbs, optionally with extra environment variables.</summary>
internal static class ChipCliProcess
{
    public static Task<StationResult> RunAsync(IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        StationProcess.RunAsync(environment, args);

    public static Task<StationResult> RunAsync(params string[] args) => RunAsync(null, args);

    /// <summary>A sample applicant of <c>samples/applicants</c>.</summary>
    public static string Sample(string name) => Testbed.RepositoryPaths.Combine("samples", "applicants", name);
}
