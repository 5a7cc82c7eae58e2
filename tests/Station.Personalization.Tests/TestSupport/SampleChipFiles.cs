using Station.Personalization.Biometrics;
using Station.Personalization.Chip;
using Station.Personalization.Lds;

namespace Station.Personalization.Tests.TestSupport;

/// <summary>A complete set of data-group files for SOD tests (DG1 is the TD3 specimen of icao-9303.md §1.2).</summary>
internal static class SampleChipFiles
{
    public const string Td3SpecimenDg1 =
        "615B5F1F58503C55544F4552494B53534F4E3C3C414E4E413C4D415249413C3C3C3C3C3C3C3C3C3C3C3C3C3C3C3C3C3C3C4C38393839303243333655544F3734303831323246313230343135395A45313834323236423C3C3C3C3C3130";

    public static Dictionary<int, byte[]> Create()
    {
        var keys = new ChipKeyFactory().Create();
        return new Dictionary<int, byte[]>
        {
            [1] = Hex.Bytes(Td3SpecimenDg1),
            [2] = Dg2File.FromPortrait(TestImages.GradientJpeg(120, 160)).Encode(),
            [3] = Dg3File.FromImages([new FingerImage(FingerPosition.RightIndex, 32, 32, 500, 80, TestImages.Gray8Ridges(32, 32))]).Encode(),
            [14] = Dg14File.ForChip(keys.ChipAuthenticationPublicKey).Encode(),
            [15] = new Dg15File(keys.ActiveAuthenticationPublicKey).Encode(),
        };
    }
}
