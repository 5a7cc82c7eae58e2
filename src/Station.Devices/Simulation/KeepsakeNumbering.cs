using System.Globalization;

namespace Station.Devices.Simulation;

/// <summary>
/// Numbers the files a simulator keeps (<c>card-000012-front.png</c>, <c>chip-000012.zip</c>) on from the highest
/// number in the folder, not from how many files it holds: after a file is deleted, counting would hand out a number
/// still in use and overwrite that keepsake.
/// </summary>
public static class KeepsakeNumbering
{
    /// <summary>The highest N of the files <c>{prefix}N{suffix}</c> in <paramref name="directory"/>; 0 when none (or no folder).</summary>
    public static long Highest(string directory, string prefix, string suffix)
    {
        if (!Directory.Exists(directory))
        {
            return 0;
        }

        long highest = 0;
        foreach (var path in Directory.EnumerateFiles(directory, prefix + "*" + suffix))
        {
            var name = Path.GetFileName(path.AsSpan());
            var digits = name[prefix.Length..^suffix.Length];
            if (long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > highest)
            {
                highest = number;
            }
        }

        return highest;
    }
}
