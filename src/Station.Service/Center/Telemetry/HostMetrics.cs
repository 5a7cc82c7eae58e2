using System.Globalization;

namespace Station.Service.Center.Telemetry;

/// <summary>Health of the machine itself, read from Linux <c>/proc</c> and <c>/sys</c>; a value that cannot be read is null, not an error.</summary>
public sealed record HostMetrics(
    double? CpuTemperatureCelsius,
    double? Load1,
    double? Load5,
    double? Load15,
    long? MemoryTotalBytes,
    long? MemoryAvailableBytes,
    long? DiskFreeBytes)
{
    /// <summary>Reads the current values; <paramref name="procRoot"/> and <paramref name="sysRoot"/> exist so tests can point at a fake tree.</summary>
    public static HostMetrics Read(string dataDirectory, string procRoot = "/proc", string sysRoot = "/sys")
    {
        var load = ReadLoad(Path.Combine(procRoot, "loadavg"));
        var (total, available) = ReadMemory(Path.Combine(procRoot, "meminfo"));
        return new HostMetrics(ReadCpuTemperature(Path.Combine(sysRoot, "class", "thermal")),
            load?[0], load?[1], load?[2], total, available, ReadDiskFree(dataDirectory));
    }

    /// <summary>Highest temperature among the thermal zones (millidegrees in the file), or null without any.</summary>
    internal static double? ReadCpuTemperature(string thermalDirectory)
    {
        if (!Directory.Exists(thermalDirectory)) return null;
        double? max = null;
        foreach (var zone in Directory.EnumerateDirectories(thermalDirectory, "thermal_zone*"))
        {
            var text = TryRead(Path.Combine(zone, "temp"));
            if (text is not null && long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var milli))
                max = Math.Max(max ?? double.MinValue, milli / 1000.0);
        }
        return max;
    }

    internal static double[]? ReadLoad(string loadavgFile)
    {
        var parts = TryRead(loadavgFile)?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts is null || parts.Length < 3) return null;
        var values = new double[3];
        for (var i = 0; i < 3; i++)
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i])) return null;
        return values;
    }

    internal static (long? Total, long? Available) ReadMemory(string meminfoFile)
    {
        long? total = null, available = null;
        foreach (var line in (TryRead(meminfoFile) ?? "").Split('\n'))
        {
            if (line.StartsWith("MemTotal:", StringComparison.Ordinal)) total = ParseKiB(line);
            else if (line.StartsWith("MemAvailable:", StringComparison.Ordinal)) available = ParseKiB(line);
        }
        return (total, available);
    }

    private static long? ParseKiB(string line)
    {
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 2 && long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var kib) ? kib * 1024 : null;
    }

    private static long? ReadDiskFree(string directory)
    {
        try { return new DriveInfo(Path.GetFullPath(directory)).AvailableFreeSpace; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException) { return null; }
    }

    private static string? TryRead(string path)
    {
        try { return File.Exists(path) ? File.ReadAllText(path) : null; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }
}
