using Station.Devices.Fingerprint;
using Station.Devices.Simulation;
using Station.Personalization.Biometrics;

namespace Station.Devices.Tests.Fingerprint;

public class SimulatedFingerprintSensorTests
{
    [Fact]
    public void ImageIsGray8At500Ppi()
    {
        var image = SyntheticFingerprint.Render(FingerPosition.RightIndex, 1);
        Assert.Equal((256, 288, 500), (image.Width, image.Height, image.Ppi));
        Assert.Equal(256 * 288, image.Gray8Pixels.Length);
        Assert.Equal(FingerPosition.RightIndex, image.Position);
    }

    [Fact]
    public void RidgesAlternateInsideAndBackgroundIsWhite()
    {
        var image = SyntheticFingerprint.Render(FingerPosition.LeftIndex, 4);
        Assert.Equal(255, image.Gray8Pixels[0]);
        var centreRow = image.Gray8Pixels.AsSpan(144 * 256 + 64, 128).ToArray();
        Assert.Contains(centreRow, p => p < 100);
        Assert.Contains(centreRow, p => p > 180);
        var transitions = centreRow.Zip(centreRow.Skip(1)).Count(p => (p.First < 128) != (p.Second < 128));
        Assert.InRange(transitions, 16, 60); // about 128 px / 9 px ridge period, two edges each
    }

    [Fact]
    public void DeterministicPerSeedAndFinger()
    {
        Assert.Equal(SyntheticFingerprint.Render(FingerPosition.RightIndex, 9).Gray8Pixels, SyntheticFingerprint.Render(FingerPosition.RightIndex, 9).Gray8Pixels);
        Assert.NotEqual(SyntheticFingerprint.Render(FingerPosition.RightIndex, 9).Gray8Pixels, SyntheticFingerprint.Render(FingerPosition.LeftIndex, 9).Gray8Pixels);
    }

    [Fact]
    public async Task SensorTimesOutFromTheFaultPlan()
    {
        var sensor = new SimulatedFingerprintSensor(SimulationSettings.Default with { Faults = FaultPlan.Parse("sensor-timeout=1") });
        var error = await Assert.ThrowsAsync<DeviceFaultException>(() => sensor.CaptureAsync(FingerPosition.RightThumb, CancellationToken.None));
        Assert.Equal(DeviceFault.SensorTimeout, error.Fault);
    }
}
