using System.Diagnostics;
using System.Runtime;
using Station.Service.Pipeline;

namespace Station.Service.Hosting;

/// <summary>
/// Reads the process's memory once it has settled, so that two readings compare what the process keeps rather than
/// where each fell in the collector's cycle or in the runtime's background work: first the background compiler is
/// let finish (tiered compilation recompiles hot methods, optimized, a while after they ran: after the demo submitted
/// its jobs, ~1,500 methods and ~6 MB came a few seconds after the old reading was taken, and were counted against
/// the cards), then garbage is collected and glibc hands back what was freed.
/// </summary>
public static class SettledMemory
{
    /// <summary>How long no method may have been compiled for the compiler to count as finished.</summary>
    public static readonly TimeSpan QuietFor = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait for that quiet; a process that keeps compiling is read after this anyway.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(20);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    /// <summary>Waits for the compiler's quiet, collects and trims, then reads; null where /proc is missing.</summary>
    public static async Task<ProcessMemory?> ReadAsync(CancellationToken cancellationToken)
    {
        await WaitForQuietCompilerAsync(cancellationToken);
        MemoryTrim.ReturnFreedMemory();
        return ProcessMemory.ReadCurrent();
    }

    private static async Task WaitForQuietCompilerAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var compiled = JitInfo.GetCompiledMethodCount();
        var lastChange = TimeSpan.Zero;
        while (clock.Elapsed - lastChange < QuietFor && clock.Elapsed < MaxWait)
        {
            await Task.Delay(Poll, cancellationToken);
            var now = JitInfo.GetCompiledMethodCount();
            if (now != compiled)
            {
                compiled = now;
                lastChange = clock.Elapsed;
            }
        }
    }
}
