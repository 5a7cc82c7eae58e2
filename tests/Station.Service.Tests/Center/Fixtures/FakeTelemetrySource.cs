using Station.Devices;
using Station.Service.Center.Telemetry;

namespace Station.Service.Tests.Center.Fixtures;

/// <summary>A station with a simulated printer, chip reader, camera and fingerprint sensor and some blank cards.</summary>
public sealed class FakeTelemetrySource : ITelemetrySource
{
    public static readonly DateTimeOffset Started = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);

    public StationDescription Describe() => new(
        "1.0.0-test",
        "VNM",
        [
            new DeviceInfo("printer", "SimPrinter", "1.0", true),
            new DeviceInfo("reader", "vpcd", "0.8", true),
            new DeviceInfo("camera", "SimCamera", "1.0", true),
            new DeviceInfo("fingerprint", "SimFinger", "1.0", true),
        ],
        ["issue", "pace", "dg3"],
        "sha256:0123456789abcdef",
        Started);

    public TelemetrySnapshot Capture() => new(
        [new DeviceStatus("printer", "ok"), new DeviceStatus("reader", "ok"), new DeviceStatus("camera", "ok"), new DeviceStatus("fingerprint", "warning", "DirtySensor")],
        new Dictionary<string, int> { ["blank"] = 480, ["spoiled"] = 3 },
        2);
}
