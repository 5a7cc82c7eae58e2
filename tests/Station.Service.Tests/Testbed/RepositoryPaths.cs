namespace Station.Service.Tests.Testbed;

/// <summary>Finds files of the repository from a test's output folder.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The folder holding Station.sln.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>A path under the repository root, from '/'-separated parts.</summary>
    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Station.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException(
            $"Station.sln not found above {AppContext.BaseDirectory}; run the tests from the repository.");
    }
}
