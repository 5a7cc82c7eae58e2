using Station.Personalization.Applicants;
using Station.Personalization.Biometrics;
using Station.Personalization.Profiles;

namespace Station.Benchmarks.Inputs;

/// <summary>
/// One card's input as the pipeline has it: the sample applicant <c>vnm-01-nguyen-van-an.json</c> validated by
/// <see cref="ApplicantIntake"/>, and the station's simulated camera portrait (480×640) and index fingers — what
/// <c>station demo</c> issues. <see cref="WithGrainyPortrait"/> swaps in a grainy portrait over the 20 KB budget, so
/// the re-encoding a real camera's capture needs is measured too.
/// </summary>
internal sealed class SampleCard
{
    private const string SampleResource = "Station.Benchmarks.vnm-01-nguyen-van-an.json";

    public SampleCard(ProfileRegistry profiles, TimeProvider clock)
    {
        using var stream = typeof(SampleCard).Assembly.GetManifestResourceStream(SampleResource)
            ?? throw new InvalidOperationException($"Embedded sample '{SampleResource}' is missing from the benchmark assembly.");
        using var reader = new StreamReader(stream);
        var intake = new ApplicantIntake(profiles, clock).Validate(reader.ReadToEnd());
        Applicant = intake.Applicant
            ?? throw new InvalidOperationException($"The sample applicant does not pass intake: {string.Join("; ", intake.Errors)}");
        Biometrics = new BiometricCapture(
            Station.Devices.Camera.SyntheticPortrait.RenderJpeg(seed: 1),
            [Station.Devices.Fingerprint.SyntheticFingerprint.Render(FingerPosition.RightIndex, 1),
             Station.Devices.Fingerprint.SyntheticFingerprint.Render(FingerPosition.LeftIndex, 1)]);
    }

    public BiometricCapture WithGrainyPortrait() => Biometrics with { FaceJpeg = GrainyPortrait.Value };

    private static readonly Lazy<byte[]> GrainyPortrait = new(() => FacePortrait.Jpeg());

    public Applicant Applicant { get; }
    public BiometricCapture Biometrics { get; }
}
