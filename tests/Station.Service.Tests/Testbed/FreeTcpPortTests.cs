using System.Net;
using System.Net.Sockets;

namespace Station.Service.Tests.Testbed;

public sealed class FreeTcpPortTests
{
    [Fact]
    public void Free_port_can_be_bound_on_loopback()
    {
        var port = FreeTcpPort.Next();

        using var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        Assert.Equal(port, ((IPEndPoint)listener.LocalEndpoint).Port);
    }

    [Fact]
    public async Task Waiting_for_a_port_nobody_listens_on_times_out_naming_the_port()
    {
        var port = FreeTcpPort.Next();

        var error = await Assert.ThrowsAsync<TimeoutException>(() => FreeTcpPort.WaitForListener(port, TimeSpan.FromMilliseconds(200)));

        Assert.Contains($"127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
    }
}
