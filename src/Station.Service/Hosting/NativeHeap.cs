using System.Runtime.InteropServices;

namespace Station.Service.Hosting;

/// <summary>
/// Keeps glibc's malloc from holding on to memory that Skia, OpenSSL and libjpeg freed. By default glibc gives every
/// thread that meets contention its own arena (up to 8 per core) and returns little of a fragmented arena to the
/// system, so the native heap of an image-heavy process creeps up card after card although nothing leaks.
/// Other C libraries (musl) have neither call; there this does nothing.
/// </summary>
internal static partial class NativeHeap
{
    private const int ArenaMaxOption = -8; // M_ARENA_MAX in glibc's malloc.h

    /// <summary>
    /// Arenas malloc may create. One: on the 1000-card demo it left 10 MB less resident than two (and 5 MB less than
    /// glibc's default) at the same throughput; the native allocations are few and large (image buffers).
    /// </summary>
    public const int Arenas = 1;

    /// <summary>Limits the arenas (unless <c>MALLOC_ARENA_MAX</c> says otherwise); call first thing in Main, before other threads allocate.</summary>
    public static void LimitArenas()
    {
        if (Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is null)
        {
            Try(() => Mallopt(ArenaMaxOption, Arenas));
        }
    }

    /// <summary>Returns the free pages of every arena to the system (after a full garbage collection freed native buffers).</summary>
    public static void Trim() => Try(() => MallocTrim(0));

    private static void Try(Func<int> call)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            _ = call();
        }
        catch (EntryPointNotFoundException)
        {
            // Not glibc: its allocator has its own policy.
        }
    }

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int Mallopt(int option, int value);

    [LibraryImport("libc", EntryPoint = "malloc_trim")]
    private static partial int MallocTrim(nuint pad);
}
