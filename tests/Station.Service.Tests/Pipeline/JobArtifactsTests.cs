using System.Text;
using Station.Devices.Fingerprint;
using Station.Personalization.Biometrics;
using Station.Service.Jobs;
using Station.Service.Pipeline;
using Station.Service.Tests.TestSupport;

namespace Station.Service.Tests.Pipeline;

public sealed class JobArtifactsTests : IDisposable
{
    private readonly TestStation _station = TestStation.Create();

    [Fact]
    public void FingerImagesRoundTripThroughTheCodec()
    {
        var image = SyntheticFingerprint.Render(FingerPosition.LeftIndex, 3);
        var bytes = FingerImageCodec.Encode(image);
        Assert.Equal(8 + 256 * 288, bytes.Length);
        Assert.Equal([7, 0x01, 0x00, 0x01, 0x20, 0x01, 0xF4], bytes[..7]); // LeftIndex, 256, 288, 500
        var back = FingerImageCodec.Decode(bytes);
        Assert.Equal((image.Position, image.Width, image.Height, image.Ppi, image.Quality), (back.Position, back.Width, back.Height, back.Ppi, back.Quality));
        Assert.Equal(image.Gray8Pixels, back.Gray8Pixels);
    }

    [Fact]
    public void ATruncatedFingerImageIsReported()
    {
        var bytes = FingerImageCodec.Encode(SyntheticFingerprint.Render(FingerPosition.RightIndex, 1));
        var error = Assert.Throws<InvalidDataException>(() => FingerImageCodec.Decode(bytes[..1000]));
        Assert.Contains("256×288", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AJobInterruptedAtTheChipWriteKeepsItsCapturesAndNothingOfItsChip()
    {
        var job = _station.Submit("HN-1");
        _station.Crash.CrashAt = DeviceActions.ChipWrite;
        await Assert.ThrowsAsync<SimulatedCrashException>(() => _station.RunJobAsync(job));

        // The chip image with its per-card private keys lives in memory only; a restart prepares it again.
        Assert.Equal(
            [JobArtifact.IdOf(job, JobArtifacts.Finger(FingerPosition.LeftIndex)), JobArtifact.IdOf(job, JobArtifacts.Finger(FingerPosition.RightIndex)), JobArtifact.IdOf(job, JobArtifacts.Portrait)],
            _station.Database.Artifacts.FindAll().Select(a => a.Id).Order(StringComparer.Ordinal));
        Assert.NotNull(_station.Get<JobArtifacts>().Get(job, JobArtifacts.Portrait));
        Assert.NotNull(_station.Get<JobArtifacts>().GetFinger(job, FingerPosition.RightIndex));
    }

    public void Dispose() => _station.Dispose();
}
