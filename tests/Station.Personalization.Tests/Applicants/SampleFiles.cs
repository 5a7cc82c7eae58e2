namespace Station.Personalization.Tests.Applicants;

/// <summary>Finds <c>samples/applicants</c> by walking up from the test binaries to the repository root.</summary>
internal static class SampleFiles
{
    public static string Directory { get; } = Find();

    public static IEnumerable<object[]> All() =>
        System.IO.Directory.EnumerateFiles(Directory, "*.json").Order(StringComparer.Ordinal).Select(p => new object[] { Path.GetFileName(p) });

    public static IEnumerable<object[]> Vietnamese() => All().Where(f => ((string)f[0]).StartsWith("vnm-", StringComparison.Ordinal));

    public static string Read(string name) => File.ReadAllText(Path.Combine(Directory, name));

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples", "applicants");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"samples/applicants not found above {AppContext.BaseDirectory}.");
    }
}
