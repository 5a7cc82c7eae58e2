namespace Station.Personalization.Chip;

/// <summary>
/// Everything written to one card's chip: the eMRTD application files in write order
/// (EF.COM, DG1, DG2, DG3, DG13, DG14, DG15, EF.SOD), EF.CardAccess for the master file,
/// the MRZ and the access-key material an inspection system derives from it.
/// </summary>
public sealed record ChipImage
{
    public required string Profile { get; init; }
    public required IReadOnlyList<LdsFile> Files { get; init; }
    public required byte[] CardAccess { get; init; }
    /// <summary>The MRZ lines as printed (3 × 30 for TD1).</summary>
    public required IReadOnlyList<string> MrzLines { get; init; }
    /// <summary>Document number, date of birth and date of expiry, each with its check digit: the BAC/PACE MRZ key.</summary>
    public required string MrzInformation { get; init; }
    /// <summary>Card access number for PACE with CAN (VNM: the last 6 digits of the ID number).</summary>
    public string? Can { get; init; }
    public required ChipSecrets Secrets { get; init; }

    public LdsFile File(string name) => Files.First(f => f.Name == name);
}
