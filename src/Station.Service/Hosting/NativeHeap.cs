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
    /// Arenas malloc may create. One: with <c>MALLOC_ARENA_MAX=1</c> the 1000-card demo kept 10 MB less resident
    /// than with two, at the same throughput (the native allocations are few and large: image buffers). Set in Main
    /// it only bounds arenas made from then on (the runtime's own threads start earlier), so the systemd unit sets
    /// the variable itself.
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
