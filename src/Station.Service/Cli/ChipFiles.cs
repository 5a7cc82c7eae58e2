using System.IO.Compression;

namespace Station.Service.Cli;

/// <summary>
/// The chip files to inspect, by file name (<c>SOD.bin</c>, <c>DG1.bin</c>, ...): from a folder as
/// <c>station chip build</c> and <c>chip read</c> write it, or from a <c>.zip</c> of the same files, as the simulated
/// encoder keeps every chip it locked (one file a chip instead of a folder of nine).
/// </summary>
public sealed class ChipFiles
{
    private readonly IReadOnlyDictionary<string, byte[]> _files;

    private ChipFiles(string source, IReadOnlyDictionary<string, byte[]> files)
    {
        Source = source;
        _files = files;
    }

    /// <summary>The folder or archive the files came from.</summary>
    public string Source { get; }

    public IEnumerable<string> Names => _files.Keys;

    /// <exception cref="ChipCommandException">The path does not exist or the archive cannot be read (bad input).</exception>
    public static ChipFiles Open(string path)
    {
        if (Directory.Exists(path))
        {
            return new ChipFiles(path, Directory.EnumerateFiles(path, "*.bin")
                .ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes, StringComparer.Ordinal));
        }

        if (!File.Exists(path))
            throw ChipCommandException.BadInput($"DIR: {path} does not exist.");
        try
        {
            using var archive = ZipFile.OpenRead(path);
            var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            foreach (var entry in archive.Entries.Where(e => e.Name.EndsWith(".bin", StringComparison.Ordinal)))
            {
                using var content = entry.Open();
                using var copy = new MemoryStream();
                content.CopyTo(copy);
                files[entry.Name] = copy.ToArray();
            }

            return new ChipFiles(path, files);
        }
        catch (InvalidDataException e)
        {
            throw ChipCommandException.BadInput($"DIR: {path} is neither a folder nor a readable .zip of chip files ({e.Message}).");
        }
    }

    public byte[]? Find(string fileName) => _files.GetValueOrDefault(fileName);
}
