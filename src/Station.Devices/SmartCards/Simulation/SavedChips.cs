using System.IO.Compression;
using Station.Devices.Simulation;
using Station.Personalization.Lds;

namespace Station.Devices.SmartCards.Simulation;

/// <summary>
/// Keeps each locked simulated chip's files as <c>chip-NNNNNN.zip</c> (uncompressed; <c>station chip verify</c> reads
/// it), numbered on from the highest number in the folder when the first chip was saved (looked up once: listing a
/// folder of thousands of chips for every card would grow with it). One file a chip, not a folder of nine: creating files is
/// what a card's keepsakes cost the file system most. The files are read from the chip at once and written in the
/// background.
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
            _saved = (int)KeepsakeNumbering.Highest(directory, "chip-", ".zip");
        }

        var target = Path.Combine(directory, $"chip-{_saved + 1:D6}.zip");
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

    public void Dispose() => _files.Dispose();

    private static void Write(string target, List<(string Name, byte[] Content)> files)
    {
        // Written beside and renamed, so an archive that exists is always complete.
        var staging = target + ".tmp";
        using (var archive = ZipFile.Open(staging, ZipArchiveMode.Create))
        {
            foreach (var (name, content) in files)
            {
                using var entry = archive.CreateEntry(name, CompressionLevel.NoCompression).Open();
                entry.Write(content);
            }
        }

        File.Move(staging, target, overwrite: true);
    }
}
