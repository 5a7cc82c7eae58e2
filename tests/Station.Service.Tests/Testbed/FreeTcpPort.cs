using System.Net;
using System.Net.Sockets;

namespace Station.Service.Tests.Testbed;

/// <summary>Loopback TCP ports for per-test daemons.</summary>
public static class FreeTcpPort
{
    /// <summary>
    /// A port free on 127.0.0.1 right now, chosen by the kernel. Another process may take it
    /// before the caller binds it; daemons started on it should be awaited with
    /// <see cref="WaitForListener"/>, which then also proves the right process got it.
    /// </summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits until something accepts TCP connections on 127.0.0.1:<paramref name="port"/>.</summary>
    /// <exception cref="TimeoutException">Nothing listened within <paramref name="timeout"/>.</exception>
    public static async Task WaitForListener(int port, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50, cancellationToken).ConfigureAwait(false);
            }
            catch (SocketException error)
            {
                throw new TimeoutException($"nothing listens on 127.0.0.1:{port} after {timeout.TotalSeconds:0.#} s", error);
            }
        }
    }
}
