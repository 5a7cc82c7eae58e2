using System.Security.Cryptography;
using Station.Personalization.Applicants;
using Station.Personalization.Biometrics;
using Station.Personalization.Chip;
using Station.Personalization.Signing;

namespace Station.Service.Tests.TestSupport;

/// <summary>Test double for the chip data builder: records its inputs; can pretend the signer is unavailable.</summary>
internal sealed class StubChipDataBuilder : IChipDataBuilder
{
    public bool SignerUnavailable { get; set; }
    public List<BiometricCapture> Built { get; } = [];

    public ChipImage Build(Applicant applicant, BiometricCapture biometrics)
    {
        if (SignerUnavailable)
        {
            throw new SignerUnavailableException("token 'Station' not present (test)");
        }

        Built.Add(biometrics);
        return new ChipImage
        {
            Profile = applicant.Profile,
            Files = [new LdsFile(0x0101, "DG1", SHA256.HashData(biometrics.FaceJpeg))],
            CardAccess = [0x31, 0x00],
            MrzLines = ["L1", "L2", "L3"],
            MrzInformation = "MRZINFO",
            Can = "012345",
            Secrets = new ChipSecrets([1, 2, 3], [4, 5, 6]),
        };
    }
}
