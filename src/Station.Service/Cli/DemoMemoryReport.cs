using Station.Service.Hosting;

namespace Station.Service.Cli;

/// <summary>
/// The settled readings of <c>station demo --memory-report</c> (see <see cref="SettledMemory"/>): before the first
/// card, after the first <see cref="WarmUpJobs"/> jobs, and after the last. The middle reading splits the growth into
/// what loading the card path costs once and what the cards after it add, which is what would show a leak.
/// </summary>
internal sealed class DemoMemoryReport
{
    /// <summary>The most jobs counted as warm-up: by then every hot method of the card path has been compiled optimized.</summary>
    public const int MaxWarmUpJobs = 50;

    private ProcessMemory? _before;
    private ProcessMemory? _warm;
    private int _ended;

    /// <param name="cards">The demo's card count: the warm-up is at most half of it, so the rest can show growth.</param>
    public DemoMemoryReport(int cards) => WarmUpJobs = Math.Min(MaxWarmUpJobs, cards / 2);

    /// <summary>Jobs ended before the middle reading; 0 when the demo is too short for one.</summary>
    public int WarmUpJobs { get; }

    public async Task ReadBeforeAsync(CancellationToken cancellationToken) =>
        _before = await SettledMemory.ReadAsync(cancellationToken);

    /// <summary>Counts a job the pipeline drove to its end; takes the middle reading after the warm-up's last one.</summary>
    public async Task JobEndedAsync(CancellationToken cancellationToken)
    {
        if (_before is not null && ++_ended == WarmUpJobs)
        {
            _warm = await SettledMemory.ReadAsync(cancellationToken);
        }
    }

    /// <summary>Takes the last reading and prints the report; the first two lines' form is what scripts/bench.sh reads.</summary>
    public async Task PrintAsync(string collections, CancellationToken cancellationToken)
    {
        var after = await SettledMemory.ReadAsync(cancellationToken);
        if (_before is not { } before || after is null)
        {
            return;
        }

        Console.WriteLine($"demo: resident memory {Mebibytes(before.ResidentKiB)} MB before the pipeline ran, {Mebibytes(after.ResidentKiB)} MB after (both settled: background compilation finished, garbage collected, freed memory returned to the system; peak {Mebibytes(after.PeakKiB)} MB); live managed heap {GC.GetTotalMemory(forceFullCollection: false) / (1024 * 1024)} MB; garbage collections gen0/1/2 {collections}");
        Console.WriteLine($"demo: of which private (heaps, stacks, compiled code) {Mebibytes(before.PrivateKiB)} -> {Mebibytes(after.PrivateKiB)} MB, pages of mapped files (libraries, assemblies, fonts) {Mebibytes(before.FileKiB)} -> {Mebibytes(after.FileKiB)} MB");
        if (_warm is { } warm)
        {
            Console.WriteLine($"demo: after the first {WarmUpJobs} jobs {Mebibytes(warm.ResidentKiB)} MB settled (private {Mebibytes(warm.PrivateKiB)}, mapped files {Mebibytes(warm.FileKiB)}): the jobs after them changed it by {Signed(after.ResidentKiB - warm.ResidentKiB)} MB (private {Signed(after.PrivateKiB - warm.PrivateKiB)}, mapped files {Signed(after.FileKiB - warm.FileKiB)})");
        }
    }

    public static long Mebibytes(long kib) => (kib + 512) / 1024;

    private static string Signed(long kib) => (kib < 0 ? "-" : "+") + Mebibytes(Math.Abs(kib));
}
