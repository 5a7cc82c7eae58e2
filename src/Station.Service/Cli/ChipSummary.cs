namespace Station.Service.Cli;

/// <summary>
/// <c>chip.json</c>, written by <c>station chip build</c> beside the chip files: what an operator or test needs to
/// read the card (MRZ, MRZ information for BAC, CAN) and a manifest of the files. It never holds a private key.
/// </summary>
public sealed record ChipSummary
{
    public required string Profile { get; init; }
    public required IReadOnlyList<string> MrzLines { get; init; }
    /// <summary>Document number, birth and expiry dates with their check digits: the BAC key seed input.</summary>
    public required string MrzInformation { get; init; }
    public string? Can { get; init; }
    /// <summary>The Document Signer as configured (e.g. <c>file:ds.key</c> or <c>pkcs11:token=...;object=...</c>).</summary>
    public required string Signer { get; init; }
    public required string DocumentSignerSubject { get; init; }
    /// <summary>The CSCA file the build verified against, when there was one; <c>chip write</c> uses it when no <c>--csca</c> is given.</summary>
    public string? CscaFile { get; init; }
    /// <summary>Every file in write order: EF.COM, the DGs, EF.SOD, then EF.CardAccess.</summary>
    public required IReadOnlyList<ChipFileEntry> Files { get; init; }
}

/// <summary>One chip file of <see cref="ChipSummary"/>: its file name in the folder, FID (hex), size and SHA-256 (hex).</summary>
public sealed record ChipFileEntry(string Name, string FileName, string Fid, int Size, string Sha256);
