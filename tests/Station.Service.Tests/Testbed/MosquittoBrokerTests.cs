using System.Globalization;

namespace Station.Service.Tests.Testbed;

public sealed class MosquittoBrokerTests
{
    [Fact]
    public async Task Broker_delivers_a_retained_message()
    {
        using var broker = await MosquittoBroker.Start();
        var port = broker.Port.ToString(CultureInfo.InvariantCulture);

        var publish = await ToolRun.Run(ToolLocator.Require("mosquitto_pub"), "-h", "127.0.0.1", "-p", port, "-q", "1", "-r", "-t", "station/test/state", "-m", "online");
        var subscribe = await ToolRun.Run(ToolLocator.Require("mosquitto_sub"), "-h", "127.0.0.1", "-p", port, "-t", "station/test/state", "-C", "1", "-W", "5");

        Assert.True(publish.ExitCode == 0, $"mosquitto_pub exited {publish.ExitCode}: {publish.Output}\n{broker.Log}");
        Assert.True(subscribe.ExitCode == 0, $"mosquitto_sub exited {subscribe.ExitCode}: {subscribe.Output}\n{broker.Log}");
        Assert.Equal("online", subscribe.StandardOutput.Trim());
    }

    [Fact]
    public async Task Killed_broker_comes_back_on_the_same_port()
    {
        using var first = await MosquittoBroker.Start();
        first.Kill();

        using var second = await MosquittoBroker.Start(port: first.Port);

        Assert.Equal(first.Port, second.Port);
        var subscribe = await ToolRun.Run(ToolLocator.Require("mosquitto_sub"), "-h", "127.0.0.1", "-p", second.Port.ToString(CultureInfo.InvariantCulture), "-t", "x", "-C", "1", "-W", "1");
        // -W 1 ends the wait with exit 27 when connected but nothing arrived; a refused connection is exit 1.
        Assert.True(subscribe.ExitCode == 27, $"mosquitto_sub exited {subscribe.ExitCode}: {subscribe.Output}\n{second.Log}");
    }
}
