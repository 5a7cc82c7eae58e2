using Station.Personalization.Applicants;
using Station.Personalization.Biometrics;

namespace Station.Personalization.Chip;

/// <summary>Builds a card's complete, signed chip data from a validated applicant and its biometrics.</summary>
public interface IChipDataBuilder
{
    /// <exception cref="Signing.SignerUnavailableException">The document signer cannot sign now (token missing, wrong PIN, key absent).</exception>
    /// <exception cref="ChipDataException">The input cannot become chip data (e.g. the portrait cannot meet the size budget).</exception>
    ChipImage Build(Applicant applicant, BiometricCapture biometrics);
}
