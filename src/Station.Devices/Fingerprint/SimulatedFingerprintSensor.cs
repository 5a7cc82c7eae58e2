using Station.Devices.Simulation;
using Station.Personalization.Biometrics;

namespace Station.Devices.Fingerprint;

/// <summary>A fingerprint sensor returning <see cref="SyntheticFingerprint"/> images: capture n uses seed <c>Seed + n</c>.</summary>
public sealed class SimulatedFingerprintSensor(SimulationSettings settings) : IFingerprintSensor
{
    private int _captures;

    public DeviceInfo Info { get; } = new("fingerprint", "Simulated 500 ppi sensor", "sim-1", Simulated: true);

    public DeviceStatus Status => new("fingerprint", "ok");

    public async Task<FingerImage> CaptureAsync(FingerPosition position, CancellationToken cancellationToken)
    {
        await settings.Latency.WaitAsync(cancellationToken);
        settings.Faults.ThrowIfFails(DeviceFault.SensorTimeout, "fingerprint", $"{position} capture");
        return SyntheticFingerprint.Render(position, settings.Seed + Interlocked.Increment(ref _captures));
    }
}
