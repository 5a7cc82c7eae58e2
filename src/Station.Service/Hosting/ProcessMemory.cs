using System.Globalization;

namespace Station.Service.Hosting;

/// <summary>
/// The station's own resident memory as Linux accounts it (<c>/proc/self/status</c>), split by kind: what can only
/// be given back by freeing it (anonymous: heaps, stacks; shared memory: the runtime's compiled code, which lives in
/// a memory file) and the pages of mapped files (libraries, assemblies, fonts), which the kernel can drop and read
/// again under memory pressure. Read from the file rather than through <see cref="System.Diagnostics.Process"/>,
/// which loads half a megabyte of assemblies into the process it measures.
/// </summary>
/// <param name="ResidentKiB">VmRSS: every resident page.</param>
/// <param name="AnonymousKiB">RssAnon: heaps (managed and native), stacks.</param>
/// <param name="FileKiB">RssFile: pages of mapped files.</param>
/// <param name="SharedKiB">RssShmem: shared memory, here the runtime's double-mapped code and stubs.</param>
/// <param name="PeakKiB">VmHWM: the largest VmRSS so far.</param>
public sealed record ProcessMemory(long ResidentKiB, long AnonymousKiB, long FileKiB, long SharedKiB, long PeakKiB)
{
    /// <summary>Anonymous plus shared memory: what the process holds that the kernel cannot reclaim by itself.</summary>
    public long PrivateKiB => AnonymousKiB + SharedKiB;

    /// <summary>The current process's figures, or null where there is no <c>/proc/self/status</c> (not Linux).</summary>
    public static ProcessMemory? ReadCurrent() => File.Exists("/proc/self/status") ? Parse(File.ReadAllLines("/proc/self/status")) : null;

    /// <summary>Reads the figures from the lines of a <c>/proc/PID/status</c> file.</summary>
    /// <exception cref="FormatException">A figure is missing or is not "N kB".</exception>
    public static ProcessMemory Parse(IEnumerable<string> statusLines)
    {
        var values = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in statusLines)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var name = line[..colon];
            if (name is "VmRSS" or "RssAnon" or "RssFile" or "RssShmem" or "VmHWM")
            {
                var value = line[(colon + 1)..].Trim();
                if (!value.EndsWith(" kB", StringComparison.Ordinal)
                    || !long.TryParse(value[..^3], NumberStyles.None, CultureInfo.InvariantCulture, out var kib))
                {
                    throw new FormatException($"/proc status line '{line}': expected '{name}: N kB'.");
                }

                values[name] = kib;
            }
        }

        long Get(string name) => values.TryGetValue(name, out var kib)
            ? kib
            : throw new FormatException($"/proc status has no '{name}' line (a kernel before 4.5 does not split VmRSS).");

        return new ProcessMemory(Get("VmRSS"), Get("RssAnon"), Get("RssFile"), Get("RssShmem"), Get("VmHWM"));
    }
}
