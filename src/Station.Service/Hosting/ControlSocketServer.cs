using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Station.Service.Cli;

namespace Station.Service.Hosting;

/// <summary>
/// While <c>station run</c> holds the database (LiteDB direct mode admits one process), technician commands reach
/// it through this Unix socket in the data directory (<c>station.sock</c>, owner-only): one JSON request line in,
/// one JSON reply line out, handled by the same <see cref="StationRequestHandler"/> the command line uses offline.
/// </summary>
public sealed partial class ControlSocketServer(StationPaths paths, IServiceProvider services, ILogger<ControlSocketServer> logger) : BackgroundService
{
    /// <summary>The longest request line read: a submitted document with a portrait of ~1.5 MB (base64) fits.</summary>
    public const int MaxRequestChars = 4 * 1024 * 1024;

    /// <summary>How long a client has to send its request line.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The longest socket path Linux takes (<c>sun_path</c> holds 108 bytes with the terminating zero).</summary>
    public const int MaxPathBytes = 107;

    /// <summary>Why the socket cannot be made at <paramref name="path"/>, or null.</summary>
    public static string? PathProblem(string path)
    {
        var bytes = Encoding.UTF8.GetByteCount(path);
        return bytes > MaxPathBytes
            ? $"The control socket {path} would be {bytes} bytes long; Unix sockets take at most {MaxPathBytes}: choose a shorter --data-dir (Station:DataDir)."
            : null;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        File.Delete(paths.ControlSocket); // a socket file left by a killed process
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(paths.ControlSocket));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(paths.ControlSocket, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        listener.Listen(8);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var client = await listener.AcceptAsync(stoppingToken);
                _ = ServeAsync(client, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            File.Delete(paths.ControlSocket);
        }
    }

    private async Task ServeAsync(Socket client, CancellationToken cancellationToken)
    {
        using (client)
        {
            await using var stream = new NetworkStream(client, ownsSocket: false);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { AutoFlush = true };
            StationReply reply;
            try
            {
                var line = await ReadRequestLineAsync(reader, cancellationToken);
                var request = line is null ? null : JsonSerializer.Deserialize<StationRequest>(line, CliJson.Options);
                reply = request is null
                    ? StationReply.BadInput("Empty request.\n")
                    : services.GetRequiredService<StationRequestHandler>().Handle(request);
            }
            catch (RequestTooLargeException)
            {
                reply = StationReply.BadInput($"The request is over {MaxRequestChars} characters; submit a smaller document (a portrait of at most ~1.5 MB).\n");
            }
            catch (JsonException e)
            {
                reply = StationReply.BadInput($"Malformed request: {e.Message}\n");
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return; // the client sent no request in time: nobody is waiting for an answer
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Nothing may escape: this task is not awaited, so an escaping error would vanish unlogged.
                LogRequestFailed(e);
                reply = StationReply.Failure($"The station could not carry out the request: {e.Message}\n");
            }

            try
            {
                await writer.WriteLineAsync(JsonSerializer.Serialize(reply, new JsonSerializerOptions(CliJson.Options) { WriteIndented = false }));
            }
            catch (IOException e)
            {
                // The client gave up (its reply timeout) or went away: what the request did is done and stored.
                LogReplyLost(e.Message);
            }
        }
    }

    /// <summary>One request line of at most <see cref="MaxRequestChars"/>, read within <see cref="RequestTimeout"/>; null at the end of the stream.</summary>
    private static async Task<string?> ReadRequestLineAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(RequestTimeout);
        var text = new StringBuilder();
        var buffer = new char[16 * 1024];
        while (true)
        {
            var read = await reader.ReadAsync(buffer.AsMemory(), patience.Token);
            if (read == 0)
            {
                return text.Length == 0 ? null : text.ToString();
            }

            var newline = Array.IndexOf(buffer, '\n', 0, read);
            text.Append(buffer, 0, newline >= 0 ? newline : read);
            if (text.Length > MaxRequestChars)
            {
                throw new RequestTooLargeException();
            }

            if (newline >= 0)
            {
                return text.ToString();
            }
        }
    }

    private sealed class RequestTooLargeException : Exception;

    [LoggerMessage(Level = LogLevel.Warning, Message = "A control reply could not be sent: {Reason}")]
    private partial void LogReplyLost(string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Control request failed.")]
    private partial void LogRequestFailed(Exception error);
}
