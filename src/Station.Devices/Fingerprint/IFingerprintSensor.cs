using Station.Personalization.Biometrics;

namespace Station.Devices.Fingerprint;

/// <summary>The fingerprint sensor.</summary>
public interface IFingerprintSensor
{
    DeviceInfo Info { get; }
    DeviceStatus Status { get; }

    /// <exception cref="DeviceFaultException"><see cref="DeviceFault.SensorTimeout"/>.</exception>
    Task<FingerImage> CaptureAsync(FingerPosition position, CancellationToken cancellationToken);
}
