using Station.Personalization.Chip;

namespace Station.Personalization.Inspection;

/// <summary>What an inspection read found: every file read (EF.COM, the data groups it lists, EF.SOD) and those the chip refused.</summary>
public sealed record ChipReadResult(IReadOnlyList<LdsFile> Files, IReadOnlyDictionary<string, string> Unreadable, bool SecureMessaging)
{
    public LdsFile? Find(ushort fid) => Files.FirstOrDefault(f => f.Fid == fid);

    /// <summary>Data-group files keyed by DG number (1..16), as passive authentication takes them.</summary>
    public IReadOnlyDictionary<int, byte[]> DataGroups => Files
        .Where(f => LdsFileIds.DataGroupNumber(f.Fid) is not null)
        .ToDictionary(f => LdsFileIds.DataGroupNumber(f.Fid)!.Value, f => f.Content);

    public byte[]? Sod => Find(LdsFileIds.Sod)?.Content;
}
