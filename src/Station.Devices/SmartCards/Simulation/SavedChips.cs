using Station.Devices.Simulation;
using Station.Personalization.Lds;

namespace Station.Devices.SmartCards.Simulation;

/// <summary>
/// Writes a simulated chip's files to <c>chip-NNNNNN/</c> folders, numbered on from what the folder held when the
/// first chip was saved (counted once: listing a folder of thousands of chips for every card would grow with it).
/// The files are read from the chip at once and written in the background.
/// </summary>
internal sealed class SavedChips(string directory) : IDisposable
{
    private const ushort CardAccessFid = 0x011C;
    private readonly BackgroundFileWriter _files = new();
    private int? _saved;

    public string Save(SimulatedChip chip)
    {
        if (_saved is null)
        {
            Directory.CreateDirectory(directory);
            _saved = Directory.GetDirectories(directory, "chip-*").Count(d => !d.EndsWith(".tmp", StringComparison.Ordinal));
        }

        var target = Path.Combine(directory, $"chip-{_saved + 1:D6}");
        var files = new List<(string Name, byte[] Content)>();
        foreach (var file in LdsTags.DataGroups.Append(LdsTags.Com).Append(LdsTags.Sod))
        {
            if (chip.ReadFileDirect(file.Fid) is { } content)
                files.Add(($"{file.Name}.bin", content));
        }

        if (chip.ReadFileDirect(CardAccessFid) is { } cardAccess)
            files.Add(("CardAccess.bin", cardAccess));
        _files.Enqueue(() => Write(target, files));
        _saved++;
        return target;
    }

    /// <summary>Waits until every saved chip is on disk.</summary>
    public void Drain() => _files.Drain();

    public void Dispose() => _files.Dispose();

    private static void Write(string target, List<(string Name, byte[] Content)> files)
    {
        // Written beside and renamed, so a folder that exists is always complete.
        var staging = target + ".tmp";
        if (Directory.Exists(staging))
            Directory.Delete(staging, recursive: true);
        Directory.CreateDirectory(staging);
        foreach (var (name, content) in files)
            File.WriteAllBytes(Path.Combine(staging, name), content);
        Directory.Move(staging, target);
    }
}
