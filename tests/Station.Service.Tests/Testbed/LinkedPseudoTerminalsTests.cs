namespace Station.Service.Tests.Testbed;

public sealed class LinkedPseudoTerminalsTests
{
    [Fact]
    public async Task Bytes_written_on_the_device_side_arrive_unchanged_on_the_driver_side()
    {
        using var pair = await LinkedPseudoTerminals.Create();
        byte[] frame = [0xEF, 0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x0A, 0x0D];

        await using var driver = new FileStream(pair.DriverSide, FileMode.Open, FileAccess.Read);
        await using (var device = new FileStream(pair.DeviceSide, FileMode.Open, FileAccess.Write))
        {
            await device.WriteAsync(frame);
        }

        var received = new byte[frame.Length];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await driver.ReadExactlyAsync(received, timeout.Token);
        Assert.Equal(frame, received);
    }
}
