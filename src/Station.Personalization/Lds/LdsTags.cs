namespace Station.Personalization.Lds;

/// <summary>One elementary file of the eMRTD application: Doc 9303 Part 10 Table 38.</summary>
/// <param name="Name">Short name, e.g. <c>DG1</c>, <c>COM</c>, <c>SOD</c>.</param>
/// <param name="Fid">File identifier, e.g. <c>0x0101</c>.</param>
/// <param name="Sfi">Short file identifier, for READ BINARY with P1 = <c>0x80 | SFI</c>.</param>
/// <param name="Tag">The tag that starts the file's content, e.g. <c>0x61</c>.</param>
/// <param name="DataGroup">Data group number 1–16, or 0 for EF.COM and EF.SOD.</param>
public sealed record LdsFileInfo(string Name, ushort Fid, byte Sfi, byte Tag, int DataGroup);

/// <summary>File identifiers, short file identifiers and tags of the LDS1 eMRTD application (Part 10 Table 38).</summary>
public static class LdsTags
{
    /// <summary>The LDS1 eMRTD application identifier.</summary>
    public static ReadOnlySpan<byte> ApplicationId => [0xA0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01];

    public static LdsFileInfo Com { get; } = new("COM", 0x011E, 0x1E, 0x60, 0);
    public static LdsFileInfo Sod { get; } = new("SOD", 0x011D, 0x1D, 0x77, 0);

    /// <summary>DG1 … DG16, indexed by data group number minus one.</summary>
    public static IReadOnlyList<LdsFileInfo> DataGroups { get; } =
    [
        new("DG1", 0x0101, 0x01, 0x61, 1),
        new("DG2", 0x0102, 0x02, 0x75, 2),
        new("DG3", 0x0103, 0x03, 0x63, 3),
        new("DG4", 0x0104, 0x04, 0x76, 4),
        new("DG5", 0x0105, 0x05, 0x65, 5),
        new("DG6", 0x0106, 0x06, 0x66, 6),
        new("DG7", 0x0107, 0x07, 0x67, 7),
        new("DG8", 0x0108, 0x08, 0x68, 8),
        new("DG9", 0x0109, 0x09, 0x69, 9),
        new("DG10", 0x010A, 0x0A, 0x6A, 10),
        new("DG11", 0x010B, 0x0B, 0x6B, 11),
        new("DG12", 0x010C, 0x0C, 0x6C, 12),
        new("DG13", 0x010D, 0x0D, 0x6D, 13),
        new("DG14", 0x010E, 0x0E, 0x6E, 14),
        new("DG15", 0x010F, 0x0F, 0x6F, 15),
        new("DG16", 0x0110, 0x10, 0x70, 16),
    ];

    /// <exception cref="ArgumentOutOfRangeException"><paramref name="number"/> is not 1–16.</exception>
    public static LdsFileInfo DataGroup(int number) =>
        number is >= 1 and <= 16
            ? DataGroups[number - 1]
            : throw new ArgumentOutOfRangeException(nameof(number), number, "Data group numbers are 1 to 16.");

    /// <summary>The data group whose file starts with <paramref name="tag"/>, or null.</summary>
    public static LdsFileInfo? DataGroupByTag(byte tag) => DataGroups.FirstOrDefault(dg => dg.Tag == tag);
}
