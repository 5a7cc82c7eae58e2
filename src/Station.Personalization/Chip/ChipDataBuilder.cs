using Station.Personalization.Applicants;
using Station.Personalization.Biometrics;
using Station.Personalization.Lds;
using Station.Personalization.Mrz;
using Station.Personalization.Profiles;
using Station.Personalization.Signing;

namespace Station.Personalization.Chip;

/// <summary>
/// Builds a card's chip image from a validated applicant: MRZ and DG1, the portrait re-encoded to the profile's
/// budget in DG2, fingers in DG3, DG13 where the profile has one, fresh per-card keys in DG14/DG15, EF.COM,
/// EF.CardAccess and the SOD signed by the Document Signer over every DG as written.
/// </summary>
public sealed class ChipDataBuilder(ProfileRegistry profiles, IDocumentSigner signer, IChipKeySource keys, TimeProvider clock) : IChipDataBuilder
{
    /// <summary>Largest file an inspection system can read with plain READ BINARY (offsets up to 7FFF).</summary>
    public const int MaxFileLength = 0x7FFF;

    public ChipImage Build(Applicant applicant, BiometricCapture biometrics)
    {
        ArgumentNullException.ThrowIfNull(applicant);
        ArgumentNullException.ThrowIfNull(biometrics);
        var profile = profiles.Get(applicant.Profile);
        var mrz = Td1MrzBuilder.Build(applicant, profile);
        var cardKeys = keys.Next();

        var dataGroups = new SortedDictionary<int, byte[]>();
        foreach (var number in profile.DataGroups)
        {
            dataGroups[number] = number switch
            {
                1 => new Dg1File(mrz).Encode(),
                2 => Dg2File.FromPortrait(BudgetedPortrait(biometrics.FaceJpeg, profile), GenderCode(applicant.Sex)).Encode(),
                3 => Dg3File.FromImages(FingersFor(profile, biometrics)).Encode(),
                13 => Dg13File.FromApplicant(applicant, profile).Encode(),
                14 => Dg14File.ForChip(cardKeys.ChipAuthenticationPublicKey).Encode(),
                15 => new Dg15File(cardKeys.ActiveAuthenticationPublicKey).Encode(),
                _ => throw new ChipDataException("UnsupportedDataGroup", $"Profile '{profile.Id}' lists DG{number}, which this station cannot build."),
            };
        }

        foreach (var (number, content) in dataGroups.Where(dg => dg.Value.Length > MaxFileLength))
        {
            throw new ChipDataException("ChipFileTooLarge", $"DG{number} is {content.Length} bytes; a chip file may hold at most {MaxFileLength} bytes (READ BINARY offsets have 15 bits).");
        }

        var sod = SodBuilder.Build(dataGroups, signer, clock.GetUtcNow());
        var files = new List<LdsFile> { ComFile.ForDataGroups(dataGroups.Keys).ToLdsFile() };
        files.AddRange(dataGroups.Select(dg => new LdsFile(LdsTags.DataGroup(dg.Key).Fid, LdsTags.DataGroup(dg.Key).Name, dg.Value)));
        files.Add(new LdsFile(LdsTags.Sod.Fid, LdsTags.Sod.Name, sod));

        return new ChipImage
        {
            Profile = profile.Id,
            Files = files,
            CardAccess = CardAccessFile.ForProfile().Encode(),
            MrzLines = mrz.Lines,
            MrzInformation = mrz.MrzInformation,
            Can = CanFor(applicant),
            Secrets = cardKeys.Secrets,
        };
    }

    private static byte[] BudgetedPortrait(byte[] capturedJpeg, CountryProfile profile) =>
        new PortraitEncoder(PortraitBudget.Default with { MaxBytes = profile.PortraitBudgetBytes }).Encode(capturedJpeg);

    private static IReadOnlyList<FingerImage> FingersFor(CountryProfile profile, BiometricCapture biometrics)
    {
        var fingers = profile.FingerPositions
            .Select(position => biometrics.Fingers.FirstOrDefault(f => f.Position == position)
                ?? throw new ChipDataException("FingerMissing", $"The profile needs the {position} finger, but it was not captured."))
            .ToArray();
        return fingers;
    }

    // ISO/IEC 19794-5 gender codes.
    private static byte GenderCode(char sex) => sex switch { 'M' => 1, 'F' => 2, _ => 0 };

    // The Vietnamese card prints no separate CAN: PACE uses the last six digits of the ID number.
    private static string? CanFor(Applicant applicant) =>
        applicant.IdNumber is { Length: >= 6 } id ? id[^6..] : null;
}
