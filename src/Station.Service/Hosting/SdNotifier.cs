using System.Net.Sockets;
using System.Text;

namespace Station.Service.Hosting;

/// <summary>
/// Sends sd_notify messages (e.g. <c>WATCHDOG=1</c>) to the datagram socket systemd names in <c>$NOTIFY_SOCKET</c>
/// (a path, or an abstract name starting with <c>@</c>). Without that variable it does nothing.
/// </summary>
public sealed class SdNotifier(string? socketPath)
{
    public static SdNotifier FromEnvironment() => new(Environment.GetEnvironmentVariable("NOTIFY_SOCKET"));

    public bool Enabled => !string.IsNullOrEmpty(socketPath);

    public void Notify(string message)
    {
        if (!Enabled)
        {
            return;
        }

        // An abstract socket's name starts with a NUL byte; systemd writes it with '@'.
        var path = socketPath![0] == '@' ? "\0" + socketPath[1..] : socketPath;
        using var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        socket.Connect(new UnixDomainSocketEndPoint(path));
        socket.Send(Encoding.ASCII.GetBytes(message));
    }
}
