using Station.Devices.Simulation;

namespace Station.Devices.Camera;

/// <summary>
/// A camera that returns <see cref="SyntheticPortrait"/> images: capture n shows face <c>Seed + n mod</c>
/// <see cref="SimulatedImageCache.Variants"/>, each rendered once, so simulation costs no drawing per card.
/// </summary>
public sealed class SimulatedCamera(SimulationSettings settings) : ICamera
{
    private readonly SimulatedImageCache<byte[]> _portraits = new(seed => SyntheticPortrait.RenderJpeg(seed));
    private int _captures;

    public DeviceInfo Info { get; } = new("camera", "Simulated portrait camera", "sim-1", Simulated: true);

    public DeviceStatus Status => new("camera", "ok");

    public async Task<byte[]> CaptureJpegAsync(CancellationToken cancellationToken)
    {
        await settings.Latency.WaitAsync(cancellationToken);
        settings.Faults.ThrowIfFails(DeviceFault.CameraUnavailable, "camera", "portrait capture");
        return _portraits.Get(settings.Seed, Interlocked.Increment(ref _captures));
    }
}
