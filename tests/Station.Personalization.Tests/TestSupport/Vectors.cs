namespace Station.Personalization.Tests.TestSupport;

/// <summary>Locates the shared vector files (/work/shared/vectors or STATION_VECTORS).</summary>
internal static class Vectors
{
    public static string Directory
    {
        get
        {
            string? fromEnv = Environment.GetEnvironmentVariable("STATION_VECTORS");
            if (!string.IsNullOrEmpty(fromEnv)) return fromEnv;
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "shared", "vectors");
                if (System.IO.Directory.Exists(candidate)) return candidate;
            }
            const string fallback = "/work/shared/vectors";
            return System.IO.Directory.Exists(fallback)
                ? fallback
                : throw new DirectoryNotFoundException("Test vectors not found: set STATION_VECTORS to the shared/vectors folder.");
        }
    }

    public static byte[] Bsi2008(string file) => File.ReadAllBytes(Path.Combine(Directory, "bsi2008", file));
}
