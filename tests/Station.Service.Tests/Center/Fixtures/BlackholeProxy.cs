using System.Net;
using System.Net.Sockets;

namespace Station.Service.Tests.Center.Fixtures;

/// <summary>
/// A TCP relay between the station and the broker that counts the bytes it relays and can go silent: after <see cref="Freeze"/> it forwards
/// nothing and accepts nothing, but keeps the sockets open, exactly what the broker sees when a station loses
/// power or its cable (no FIN, no DISCONNECT). Only the keep-alive can then tell the broker the station is gone.
/// </summary>
public sealed class BlackholeProxy : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _upstreamPort;
    private readonly CancellationTokenSource _frozen = new();
    private readonly List<TcpClient> _sockets = [];

    public BlackholeProxy(int upstreamPort)
    {
        _upstreamPort = upstreamPort;
        _listener.Start();
        _ = AcceptLoopAsync();
    }

    private long _upstreamBytes;
    private long _downstreamBytes;

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Bytes relayed so far, station to broker plus broker to station: the MQTT traffic on the wire.</summary>
    public long BytesRelayed => Interlocked.Read(ref _upstreamBytes) + Interlocked.Read(ref _downstreamBytes);

    public void Freeze()
    {
        _frozen.Cancel();
        _listener.Stop();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_frozen.IsCancellationRequested)
        {
            TcpClient station;
            try { station = await _listener.AcceptTcpClientAsync(_frozen.Token); }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException) { return; }
            var broker = new TcpClient();
            await broker.ConnectAsync(IPAddress.Loopback, _upstreamPort);
            lock (_sockets) _sockets.AddRange([station, broker]);
            _ = PumpAsync(station.GetStream(), broker.GetStream(), upstream: true);
            _ = PumpAsync(broker.GetStream(), station.GetStream(), upstream: false);
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to, bool upstream)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                // Reads are never cancelled (that could close the socket); once frozen, bytes are just dropped.
                var read = await from.ReadAsync(buffer);
                if (read == 0) return;
                if (_frozen.IsCancellationRequested) continue;
                Interlocked.Add(ref upstream ? ref _upstreamBytes : ref _downstreamBytes, read);
                await to.WriteAsync(buffer.AsMemory(0, read));
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException) { /* closed */ }
    }

    public void Dispose()
    {
        _frozen.Cancel();
        _listener.Stop();
        lock (_sockets) foreach (var s in _sockets) s.Dispose();
        _frozen.Dispose();
    }
}
