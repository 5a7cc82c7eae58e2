using Station.Personalization.Applicants;
using Station.Personalization.Biometrics;
using Station.Personalization.Profiles;

namespace Station.Benchmarks.Inputs;

/// <summary>
/// One card's input as the pipeline has it: the sample applicant <c>vnm-01-nguyen-van-an.json</c> validated by
/// <see cref="ApplicantIntake"/>, a 480×640 face-like portrait and two index fingers.
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
        Biometrics = new BiometricCapture(FacePortrait.Jpeg(), FingerImages.IndexFingers());
    }

    public Applicant Applicant { get; }
    public BiometricCapture Biometrics { get; }
}
