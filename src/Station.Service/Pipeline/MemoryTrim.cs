namespace Station.Service.Pipeline;

/// <summary>
/// Returns the garbage of finished jobs to the system every few jobs. Each card allocates tens of megabytes of
/// short-lived image buffers; the workstation GC keeps the freed segments committed, so resident memory would
/// creep up by ~50 MB over a thousand cards on a box that also runs the camera and printer drivers.
/// An aggressive collection every <see cref="EveryJobs"/> jobs costs a few milliseconds; it also finalizes the
/// native image buffers of those jobs, whose pages <see cref="Hosting.NativeHeap.Trim"/> then hands back.
/// </summary>
public sealed class MemoryTrim
{
    public const int EveryJobs = 50;
    private int _endedJobs;

    public void JobEnded()
    {
        if (Interlocked.Increment(ref _endedJobs) % EveryJobs == 0)
        {
            ReturnFreedMemory();
        }
    }

    /// <summary>An aggressive, compacting collection, the finalizers it queued, then glibc's free pages back to the system.</summary>
    public static void ReturnFreedMemory()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        Hosting.NativeHeap.Trim();
    }
}
