using Station.Devices.Simulation;

namespace Station.Devices.Camera;

/// <summary>A camera that returns <see cref="SyntheticPortrait"/> images: capture n uses seed <c>Seed + n</c>.</summary>
public sealed class SimulatedCamera(SimulationSettings settings) : ICamera
{
    private int _captures;

    public DeviceInfo Info { get; } = new("camera", "Simulated portrait camera", "sim-1", Simulated: true);

    public DeviceStatus Status => new("camera", "ok");

    public async Task<byte[]> CaptureJpegAsync(CancellationToken cancellationToken)
    {
        await settings.Latency.WaitAsync(cancellationToken);
        settings.Faults.ThrowIfFails(DeviceFault.CameraUnavailable, "camera", "portrait capture");
        return SyntheticPortrait.RenderJpeg(settings.Seed + Interlocked.Increment(ref _captures));
    }
}
