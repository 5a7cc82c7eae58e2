using Station.Personalization.Lds;

namespace Station.Devices.SmartCards.Simulation;

/// <summary>Writes a simulated chip's files to <c>chip-NNNNNN/</c> folders, numbered on from what the folder holds.</summary>
internal static class SavedChips
{
    private const ushort CardAccessFid = 0x011C;

    public static string Save(SimulatedChip chip, string directory)
    {
        Directory.CreateDirectory(directory);
        var number = Directory.GetDirectories(directory, "chip-*").Count(d => !d.EndsWith(".tmp", StringComparison.Ordinal)) + 1;
        var target = Path.Combine(directory, $"chip-{number:D6}");
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
        return target;
    }
}
