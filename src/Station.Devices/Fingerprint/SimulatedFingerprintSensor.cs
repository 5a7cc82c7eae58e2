using Station.Devices.Simulation;
using Station.Personalization.Biometrics;

namespace Station.Devices.Fingerprint;

/// <summary>
/// A fingerprint sensor returning <see cref="SyntheticFingerprint"/> images: capture n of a finger uses seed
/// <c>Seed + n mod</c> <see cref="SimulatedImageCache.Variants"/>, each rendered once.
/// </summary>
public sealed class SimulatedFingerprintSensor(SimulationSettings settings) : IFingerprintSensor
{
    private readonly Dictionary<FingerPosition, SimulatedImageCache<FingerImage>> _fingers =
        Enum.GetValues<FingerPosition>().ToDictionary(p => p, p => new SimulatedImageCache<FingerImage>(seed => SyntheticFingerprint.Render(p, seed)));
    private int _captures;

    public DeviceInfo Info { get; } = new("fingerprint", "Simulated 500 ppi sensor", "sim-1", Simulated: true);

    public DeviceStatus Status => new("fingerprint", "ok");

    public async Task<FingerImage> CaptureAsync(FingerPosition position, CancellationToken cancellationToken)
    {
        await settings.Latency.WaitAsync(cancellationToken);
        settings.Faults.ThrowIfFails(DeviceFault.SensorTimeout, "fingerprint", $"{position} capture");
        return _fingers[position].Get(settings.Seed, Interlocked.Increment(ref _captures));
    }
}
