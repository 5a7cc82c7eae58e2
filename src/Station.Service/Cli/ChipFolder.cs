using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Station.Personalization.Chip;
using Station.Personalization.Inspection;

namespace Station.Service.Cli;

/// <summary>
/// A folder of chip files as <c>station chip build</c> writes them: <c>COM.bin</c>, <c>DG&lt;n&gt;.bin</c>, <c>SOD.bin</c>,
/// <c>CardAccess.bin</c> (each the complete file with its tag, as stored on the chip) and <c>chip.json</c>.
/// </summary>
public static partial class ChipFolder
{
    public const string SummaryFileName = "chip.json";
    public const string ComFileName = "COM.bin";
    public const string SodFileName = "SOD.bin";
    public const string CardAccessFileName = "CardAccess.bin";

    /// <summary>The file name a chip file is kept under: its short name plus <c>.bin</c>.</summary>
    public static string FileNameOf(string name) => name + ".bin";

    /// <summary>
    /// Creates <paramref name="directory"/> with the content <paramref name="fill"/> writes, or not at all: the files go
    /// into a hidden sibling folder that is renamed at the end, so an error leaves <paramref name="directory"/> untouched.
    /// </summary>
    /// <exception cref="ChipCommandException">The folder exists and is not empty.</exception>
    public static void WriteAtomically(string directory, Action<string> fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        var target = Path.GetFullPath(directory);
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
            throw ChipCommandException.BadInput($"--out: {target} exists and is not empty; choose a new folder or delete it first.");
        var parent = Path.GetDirectoryName(target) ?? throw ChipCommandException.BadInput($"--out: {target} has no parent folder.");
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(target)}.partial-{Environment.ProcessId}");
        if (Directory.Exists(staging))
            Directory.Delete(staging, recursive: true);
        Directory.CreateDirectory(staging);
        try
        {
            fill(staging);
            if (Directory.Exists(target))
                Directory.Delete(target); // empty, checked above
            Directory.Move(staging, target);
        }
        catch
        {
            Directory.Delete(staging, recursive: true);
            throw;
        }
    }

    /// <summary>Writes every file of <paramref name="image"/> and its <c>chip.json</c> into <paramref name="directory"/>.</summary>
    public static ChipSummary Write(string directory, ChipImage image, string signer, string signerSubject, string? cscaFile)
    {
        ArgumentNullException.ThrowIfNull(image);
        var files = image.Files.Append(new LdsFile(LdsFileIds.CardAccess, "CardAccess", image.CardAccess)).ToList();
        foreach (var file in files)
            File.WriteAllBytes(Path.Combine(directory, FileNameOf(file.Name)), file.Content);

        var summary = new ChipSummary
        {
            Profile = image.Profile,
            MrzLines = image.MrzLines,
            MrzInformation = image.MrzInformation,
            Can = image.Can,
            Signer = signer,
            DocumentSignerSubject = signerSubject,
            CscaFile = cscaFile,
            Files = [.. files.Select(f => new ChipFileEntry(f.Name, FileNameOf(f.Name), f.Fid.ToString("X4", CultureInfo.InvariantCulture), f.Content.Length, Convert.ToHexString(SHA256.HashData(f.Content))))],
        };
        File.WriteAllText(Path.Combine(directory, SummaryFileName), CliJson.Write(summary));
        return summary;
    }

    /// <summary>The data groups among <paramref name="files"/> (<c>DG&lt;n&gt;.bin</c>) by number.</summary>
    public static SortedDictionary<int, byte[]> ReadDataGroups(ChipFiles files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var dataGroups = new SortedDictionary<int, byte[]>();
        foreach (var name in files.Names)
        {
            var match = DataGroupFileName().Match(name);
            if (match.Success && int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) is int number and >= 1 and <= 16)
                dataGroups[number] = files.Find(name)!;
        }
        return dataGroups;
    }

    /// <summary>A required file of the folder.</summary>
    /// <exception cref="ChipCommandException">It is missing (bad input).</exception>
    public static byte[] ReadRequired(string directory, string fileName)
    {
        var path = Path.Combine(directory, fileName);
        return File.Exists(path) ? File.ReadAllBytes(path) : throw ChipCommandException.BadInput($"DIR: {directory} has no {fileName} (made by 'station chip build'?).");
    }

    /// <summary>A required file among <paramref name="files"/>.</summary>
    /// <exception cref="ChipCommandException">It is missing (bad input).</exception>
    public static byte[] ReadRequired(ChipFiles files, string fileName)
    {
        ArgumentNullException.ThrowIfNull(files);
        return files.Find(fileName) ?? throw ChipCommandException.BadInput($"DIR: {files.Source} has no {fileName} (made by 'station chip build'?).");
    }

    /// <summary>The chip image to personalize from the folder: the files in write order and the MRZ from <c>chip.json</c>; no per-card private keys.</summary>
    public static (ChipImage Image, ChipSummary Summary) Load(string directory)
    {
        if (!Directory.Exists(directory))
            throw ChipCommandException.BadInput($"DIR: {directory} does not exist.");
        ChipSummary summary;
        try
        {
            summary = JsonSerializer.Deserialize<ChipSummary>(ReadRequired(directory, SummaryFileName), CliJson.Options)
                ?? throw new JsonException("it is null");
        }
        catch (JsonException e)
        {
            throw ChipCommandException.BadInput($"DIR: {SummaryFileName} cannot be read: {e.Message}");
        }

        var chipFiles = ChipFiles.Open(directory); // every .bin file, read once
        var files = new List<LdsFile> { new(LdsFileIds.Com, "COM", ReadRequired(chipFiles, ComFileName)) };
        files.AddRange(ReadDataGroups(chipFiles).Select(dg => new LdsFile(LdsFileIds.DataGroupFid(dg.Key), $"DG{dg.Key}", dg.Value)));
        files.Add(new LdsFile(LdsFileIds.Sod, "SOD", ReadRequired(chipFiles, SodFileName)));
        var image = new ChipImage
        {
            Profile = summary.Profile,
            Files = files,
            CardAccess = chipFiles.Find(CardAccessFileName) ?? [],
            MrzLines = summary.MrzLines,
            MrzInformation = summary.MrzInformation,
            Can = summary.Can,
            // chip build keeps no private keys, so the card gets no chip/active authentication keys (see docs/cli.md).
            Secrets = new ChipSecrets([], []),
        };
        return (image, summary);
    }

    /// <summary>Writes files read from a card into <paramref name="directory"/> (created when missing).</summary>
    public static void WriteRead(string directory, IEnumerable<LdsFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        Directory.CreateDirectory(directory);
        foreach (var file in files)
            File.WriteAllBytes(Path.Combine(directory, FileNameOf(file.Name)), file.Content);
    }

    [GeneratedRegex(@"^DG(\d{1,2})\.bin$")]
    private static partial Regex DataGroupFileName();
}
