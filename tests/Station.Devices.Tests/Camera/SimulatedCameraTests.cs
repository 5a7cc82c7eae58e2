using SkiaSharp;
using Station.Devices.Camera;
using Station.Devices.Simulation;

namespace Station.Devices.Tests.Camera;

public class SimulatedCameraTests
{
    [Fact]
    public void PortraitIsA480By640Jpeg()
    {
        var jpeg = SyntheticPortrait.RenderJpeg(seed: 3);
        Assert.Equal([0xFF, 0xD8, 0xFF], jpeg[..3]);
        using var bitmap = SKBitmap.Decode(jpeg);
        Assert.Equal(480, bitmap.Width);
        Assert.Equal(640, bitmap.Height);
    }

    [Fact]
    public void SameSeedSameBytesOtherSeedOtherBytes()
    {
        Assert.Equal(SyntheticPortrait.RenderJpeg(11), SyntheticPortrait.RenderJpeg(11));
        Assert.NotEqual(SyntheticPortrait.RenderJpeg(11), SyntheticPortrait.RenderJpeg(12));
    }

    [Fact]
    public void FaceIsSkinTonedOnAPlainBackground()
    {
        using var bitmap = SKBitmap.Decode(SyntheticPortrait.RenderJpeg(5));
        var corner = bitmap.GetPixel(5, 5);
        var cheek = bitmap.GetPixel(240, 330);
        Assert.True(corner.Red > 200 && corner.Green > 200 && corner.Blue > 200, $"background {corner}");
        Assert.True(cheek.Red > cheek.Blue + 30, $"face {cheek} should be skin-toned (red above blue)");
    }

    [Fact]
    public async Task CameraRaisesCameraUnavailableFromTheFaultPlan()
    {
        var camera = new SimulatedCamera(SimulationSettings.Default with { Faults = FaultPlan.Parse("camera=every:2") });
        Assert.NotEmpty(await camera.CaptureJpegAsync(CancellationToken.None));
        var error = await Assert.ThrowsAsync<DeviceFaultException>(() => camera.CaptureJpegAsync(CancellationToken.None));
        Assert.Equal(DeviceFault.CameraUnavailable, error.Fault);
    }
}
