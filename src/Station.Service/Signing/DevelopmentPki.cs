using Station.Personalization.Pki;

namespace Station.Service.Signing;

/// <summary>
/// The development PKI in <c>{data-dir}/pki</c>: a test CSCA and a software Document Signer, made on first use and
/// kept, so every demo card of one data directory verifies against the same CSCA. Never for real cards.
/// </summary>
public static class DevelopmentPki
{
    public static string DirectoryFor(string dataDirectory) => Path.Combine(dataDirectory, "pki");

    /// <summary>Returns the folder, creating the PKI there when it is not complete.</summary>
    public static string Ensure(string dataDirectory, DateTimeOffset now)
    {
        var directory = DirectoryFor(dataDirectory);
        if (new[] { TestPki.CscaFileName, TestPki.DocumentSignerFileName, TestPki.DocumentSignerKeyFileName }
            .All(f => File.Exists(Path.Combine(directory, f))))
        {
            return directory;
        }

        // Written to a sibling folder and renamed, so a crash never leaves a half-made PKI that would be adopted.
        var staging = directory + ".new";
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        TestPkiFactory.CreateSoftware(now).WriteTo(staging);
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        Directory.Move(staging, directory);
        return directory;
    }
}
