using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Station.Service.Hosting;
using Station.Service.Storage;

namespace Station.Service.Cli;

/// <summary>
/// Runs a <see cref="StationRequest"/>: through the running service's control socket when one answers, otherwise
/// in this process on the database directly (the service is not running, so nothing else holds the file).
/// </summary>
public static class StationClient
{
    private const int LockedRetries = 25;
    private static readonly TimeSpan LockedRetryDelay = TimeSpan.FromMilliseconds(200);

    /// <summary>How long the running service has to answer; a request takes milliseconds, a stopped process never answers.</summary>
    public static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(30);

    public static async Task<StationReply> ExecuteAsync(StationRequest request, string? dataDirOption, IReadOnlyList<string> overrides, CancellationToken cancellationToken)
    {
        var configuration = StationConfiguration.Build(overrides);
        var dataDir = DataDirectory.Resolve(dataDirOption, configuration["Station:DataDir"]);
        var paths = new StationPaths(dataDir);
        for (var attempt = 1; ; attempt++)
        {
            if (File.Exists(paths.ControlSocket) && await TrySendAsync(paths.ControlSocket, request, ReplyTimeout, cancellationToken) is { } remote)
            {
                return remote;
            }

            try
            {
                var fresh = !File.Exists(Path.Combine(dataDir, StationDatabase.FileName));
                await using var provider = StationRuntime.Build(configuration, dataDir, issuesCards: false);
                var reply = provider.GetRequiredService<StationRequestHandler>().Handle(request);
                // A technician's shell is not under systemd: without --data-dir the command would quietly work on a
                // new ./.station instead of the service's data.
                return fresh
                    ? reply with { Stderr = reply.Stderr + $"Note: {dataDir} held no station data; it was created for this command. An installed station keeps its data in {DataDirectory.SystemdDefault}: pass --data-dir or set Station:DataDir in {StationConfiguration.SystemFile}.\n" }
                    : reply;
            }
            catch (StationDatabaseException e) when (e.IsLocked && attempt < LockedRetries)
            {
                // The service is starting and has not opened its control socket yet.
                await Task.Delay(LockedRetryDelay, cancellationToken);
            }
            catch (Exception e) when (StartupFailure.TryDescribe(e, out var code, out var message))
            {
                return new StationReply(code, "", message + "\n");
            }
        }
    }

    /// <summary>Sends <paramref name="request"/> to the service listening at <paramref name="socketPath"/>; null when nobody listens.</summary>
    internal static async Task<StationReply?> TrySendAsync(string socketPath, StationRequest request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken);
        }
        catch (SocketException)
        {
            return null; // a stale socket file: nobody listens, so the database is free
        }

        await using var stream = new NetworkStream(socket, ownsSocket: false);
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { AutoFlush = true };
        using var reader = new StreamReader(stream, Encoding.UTF8);
        await writer.WriteLineAsync(JsonSerializer.Serialize(request, new JsonSerializerOptions(CliJson.Options) { WriteIndented = false }));
        string? line;
        using (var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            patience.CancelAfter(timeout);
            try
            {
                line = await reader.ReadLineAsync(patience.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return StationReply.Failure($"The running station did not answer within {timeout.TotalSeconds:0} s; check that it is not stopped or stuck ('systemctl status station', its log).\n");
            }
        }

        return line is null
            ? StationReply.Failure("The running station closed the control connection without answering; check its log.\n")
            : JsonSerializer.Deserialize<StationReply>(line, CliJson.Options);
    }
}
