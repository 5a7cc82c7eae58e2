using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Station.Service.Cli;
using Station.Service.Hosting;
using Station.Service.Tests.TestSupport;

namespace Station.Service.Tests.Hosting;

/// <summary>The running service's control socket against requests too large, and the command line against a service that does not answer.</summary>
public sealed class ControlSocketTests : IAsyncLifetime
{
    private readonly TestStation _station = TestStation.Create();
    private ControlSocketServer _server = null!;

    private string SocketPath => _station.Get<StationPaths>().ControlSocket;

    public async Task InitializeAsync()
    {
        _server = new ControlSocketServer(_station.Get<StationPaths>(), _station.Get<IServiceProvider>(), NullLogger<ControlSocketServer>.Instance);
        await _server.StartAsync(CancellationToken.None);
        for (var i = 0; i < 100 && !File.Exists(SocketPath); i++)
        {
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task ARequestLineOverTheLimitIsRefusedAndTheServiceStillAnswers()
    {
        var reply = await ExchangeAsync(new string('x', ControlSocketServer.MaxRequestChars + 1));
        Assert.Equal(ExitCodes.BadInput, reply.ExitCode);
        Assert.Contains($"over {ControlSocketServer.MaxRequestChars} characters", reply.Stderr, StringComparison.Ordinal);

        var list = await StationClient.TrySendAsync(SocketPath, new StationRequest(StationRequest.List), TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.Equal(ExitCodes.Success, list!.ExitCode);
        Assert.Contains("0 job(s).", list.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AServiceThatDoesNotAnswerIsReportedInsteadOfWaitedForForever()
    {
        var path = Path.Combine(_station.DataDir, "mute.sock");
        using var mute = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        mute.Bind(new UnixDomainSocketEndPoint(path));
        mute.Listen(1); // accepts the connection in the kernel, never reads nor answers: a stopped (SIGSTOP) station

        var reply = await StationClient.TrySendAsync(path, new StationRequest(StationRequest.List), TimeSpan.FromMilliseconds(300), CancellationToken.None);

        Assert.Equal(ExitCodes.Failure, reply!.ExitCode);
        Assert.Contains("did not answer within", reply.Stderr, StringComparison.Ordinal);
    }

    private async Task<StationReply> ExchangeAsync(string line)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(SocketPath));
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        await stream.WriteAsync(Encoding.UTF8.GetBytes(line + "\n"));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return JsonSerializer.Deserialize<StationReply>((await reader.ReadLineAsync())!, CliJson.Options)!;
    }

    public async Task DisposeAsync()
    {
        await _server.StopAsync(CancellationToken.None);
        _server.Dispose();
        _station.Dispose();
    }
}
