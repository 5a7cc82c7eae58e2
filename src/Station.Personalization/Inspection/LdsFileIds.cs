namespace Station.Personalization.Inspection;

/// <summary>Doc 9303 Part 10 Table 38: file identifiers and tags of the LDS1 application.</summary>
public static class LdsFileIds
{
    public const ushort Com = 0x011E;
    public const ushort Sod = 0x011D;
    public const ushort CardAccess = 0x011C;

    /// <summary>DG tags in DG-number order (DG1 = 61 ... DG16 = 70; DG2 = 75 and DG4 = 76 break the pattern).</summary>
    private static readonly byte[] DataGroupTags = [0x61, 0x75, 0x63, 0x76, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6A, 0x6B, 0x6C, 0x6D, 0x6E, 0x6F, 0x70];

    public static ushort DataGroupFid(int number) => number is >= 1 and <= 16
        ? (ushort)(0x0100 + number)
        : throw new ArgumentOutOfRangeException(nameof(number), $"Data group {number} is outside DG1..DG16");

    /// <summary>DG number for a data-group FID (0101..0110), otherwise null.</summary>
    public static int? DataGroupNumber(ushort fid) => fid is >= 0x0101 and <= 0x0110 ? fid - 0x0100 : null;

    /// <summary>DG number for a tag listed in EF.COM, otherwise null.</summary>
    public static int? DataGroupNumberFromTag(byte tag)
    {
        int index = Array.IndexOf(DataGroupTags, tag);
        return index < 0 ? null : index + 1;
    }
}
