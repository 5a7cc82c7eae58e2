using Station.Personalization.Lds;

namespace Station.Devices.SmartCards.Simulation;

/// <summary>
/// Writes a simulated chip's files to <c>chip-NNNNNN/</c> folders, numbered on from what the folder held when the
/// first chip was saved (counted once: listing a folder of thousands of chips for every card would grow with it).
/// </summary>
internal sealed class SavedChips(string directory)
{
    private const ushort CardAccessFid = 0x011C;
    private int? _saved;

    public string Save(SimulatedChip chip)
    {
        if (_saved is null)
        {
            Directory.CreateDirectory(directory);
            _saved = Directory.GetDirectories(directory, "chip-*").Count(d => !d.EndsWith(".tmp", StringComparison.Ordinal));
        }

        var target = Path.Combine(directory, $"chip-{_saved + 1:D6}");
        // Written beside and renamed, so a folder that exists is always complete.
        var staging = target + ".tmp";
        if (Directory.Exists(staging))
            Directory.Delete(staging, recursive: true);
        Directory.CreateDirectory(staging);
        foreach (var file in LdsTags.DataGroups.Append(LdsTags.Com).Append(LdsTags.Sod))
        {
            if (chip.ReadFileDirect(file.Fid) is { } content)
                File.WriteAllBytes(Path.Combine(staging, $"{file.Name}.bin"), content);
        }

        if (chip.ReadFileDirect(CardAccessFid) is { } cardAccess)
            File.WriteAllBytes(Path.Combine(staging, "CardAccess.bin"), cardAccess);
        Directory.Move(staging, target);
        _saved++;
        return target;
    }
}
