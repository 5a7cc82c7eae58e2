namespace Station.Devices.Camera;

/// <summary>The portrait camera.</summary>
public interface ICamera
{
    DeviceInfo Info { get; }
    DeviceStatus Status { get; }

    /// <summary>Captures a portrait as JPEG.</summary>
    /// <exception cref="DeviceFaultException"><see cref="DeviceFault.CameraUnavailable"/>.</exception>
    Task<byte[]> CaptureJpegAsync(CancellationToken cancellationToken);
}
