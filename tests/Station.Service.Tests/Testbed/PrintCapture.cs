namespace Station.Service.Tests.Testbed;

/// <summary>
/// What the test bed's CUPS queue printed: each job lands as job-&lt;ns&gt;.prn in
/// STATION_CUPS_OUTPUT_DIR. Open a capture before printing, then wait for the job after it. Tests
/// that print must share one xunit collection, or one test may see another's job.
/// </summary>
public sealed class PrintCapture
{
    private readonly HashSet<string> _before;

    private PrintCapture(string folder)
    {
        Folder = folder;
        _before = [.. Jobs(folder)];
    }

    public string Folder { get; }

    /// <summary>Remembers the jobs printed so far.</summary>
    public static PrintCapture Open() => new(TestbedEnvironment.CupsOutputDirectory);

    /// <summary>Prints bytes unchanged (<c>lp -o raw</c>) on the test-bed queue.</summary>
    public static async Task PrintRaw(byte[] document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(file, document).ConfigureAwait(false);
            var result = await ToolRun.Run(
                ToolLocator.Require("lp"), "-h", TestbedEnvironment.CupsServer, "-d", TestbedEnvironment.CupsQueue, "-o", "raw", file).ConfigureAwait(false);
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException($"lp failed ({result.ExitCode}): {result.Output}");
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>The bytes of the first job printed since <see cref="Open"/>.</summary>
    public async Task<byte[]> WaitForNextJob(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var job = Jobs(Folder).Where(name => !_before.Contains(name)).Order(StringComparer.Ordinal).FirstOrDefault();
            if (job is not null)
            {
                return await File.ReadAllBytesAsync(Path.Combine(Folder, job)).ConfigureAwait(false);
            }

            await Task.Delay(50).ConfigureAwait(false);
        }

        throw new TimeoutException($"no print job reached {Folder} within {timeout.TotalSeconds:0.#} s; see .testbed/cups/log/error_log");
    }

    // Only complete jobs: the capture writes .job-*.part and renames it.
    private static IEnumerable<string> Jobs(string folder) =>
        Directory.EnumerateFiles(folder, "job-*.prn").Select(Path.GetFileName).OfType<string>();
}
