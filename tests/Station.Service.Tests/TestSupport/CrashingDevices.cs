using Station.Devices;
using Station.Devices.Camera;
using Station.Devices.Fingerprint;
using Station.Devices.Printer;
using Station.Personalization.Biometrics;

namespace Station.Service.Tests.TestSupport;

/// <summary>Wraps the simulated camera so a test can crash the station during a capture.</summary>
internal sealed class CrashingCamera(ICamera inner, CrashSwitch crash) : ICamera
{
    public DeviceInfo Info => inner.Info;
    public DeviceStatus Status => inner.Status;

    public Task<byte[]> CaptureJpegAsync(CancellationToken cancellationToken)
    {
        crash.At("camera.capture");
        return inner.CaptureJpegAsync(cancellationToken);
    }
}

/// <summary>Wraps the simulated fingerprint sensor so a test can crash the station during a capture.</summary>
internal sealed class CrashingFingerprintSensor(IFingerprintSensor inner, CrashSwitch crash) : IFingerprintSensor
{
    public DeviceInfo Info => inner.Info;
    public DeviceStatus Status => inner.Status;

    public Task<FingerImage> CaptureAsync(FingerPosition position, CancellationToken cancellationToken)
    {
        crash.At("fingerprint.capture");
        return inner.CaptureAsync(position, cancellationToken);
    }
}

/// <summary>Wraps the simulated printer so a test can crash the station during any printer action.</summary>
internal sealed class CrashingPrinter(ICardPrinter inner, CrashSwitch crash) : DelegatingPrinter(inner)
{
    public override Task FeedToChipStationAsync(CancellationToken cancellationToken)
    {
        crash.At("printer.feed");
        return base.FeedToChipStationAsync(cancellationToken);
    }

    public override Task PrintAsync(byte[] frontPng, byte[] backPng, CancellationToken cancellationToken)
    {
        crash.At("printer.print");
        return base.PrintAsync(frontPng, backPng, cancellationToken);
    }

    public override Task EjectAsync(CancellationToken cancellationToken)
    {
        crash.At("printer.eject");
        return base.EjectAsync(cancellationToken);
    }

    public override Task RejectAsync(CancellationToken cancellationToken)
    {
        crash.At("printer.reject");
        return base.RejectAsync(cancellationToken);
    }
}
