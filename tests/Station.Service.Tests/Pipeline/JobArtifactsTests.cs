using System.Text;
using Station.Devices.Fingerprint;
using Station.Personalization.Biometrics;
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
    public async Task TheStoredChipImageHoldsNoPrivateKey()
    {
        var job = _station.Submit("HN-1");
        _station.Crash.CrashAt = DeviceActions.ChipWrite;
        await Assert.ThrowsAsync<SimulatedCrashException>(() => _station.RunJobAsync(job));

        var stored = _station.Get<JobArtifacts>().Get(job, JobArtifacts.ChipImage)!;
        var text = Encoding.UTF8.GetString(stored);
        Assert.DoesNotContain("Secrets", text, StringComparison.Ordinal);
        Assert.DoesNotContain("PrivateKey", text, StringComparison.Ordinal);
        var image = StoredChipImage.FromJsonBytes(stored);
        Assert.Equal(["DG1"], image.Files.Select(f => f.Name));
        Assert.Equal("MRZINFO", image.MrzInformation);

        Assert.NotNull(_station.Get<JobArtifacts>().Get(job, JobArtifacts.Portrait));
        Assert.NotNull(_station.Get<JobArtifacts>().GetFinger(job, FingerPosition.RightIndex));
    }

    public void Dispose() => _station.Dispose();
}
