using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Station.Service.Tests.Center.Fixtures;

/// <summary>
/// A real mosquitto on a free loopback port with a generated configuration, started and stopped by the test.
/// Persistence is on so a stop/start keeps retained messages and the observer's queued messages, as a real
/// broker restart would.
/// </summary>
public sealed class MosquittoBroker : IDisposable
{
    public const string Executable = "/usr/sbin/mosquitto";

    private readonly string _directory;
    private readonly string _configFile;
    private Process? _process;

    private MosquittoBroker(string directory, int port, string listenerConfig)
    {
        _directory = directory;
        Port = port;
        _configFile = Path.Combine(directory, "mosquitto.conf");
        // "user": started as root, mosquitto would switch to the 'mosquitto' user and could not write its
        // persistence file or log in this folder, and a restart would silently lose queued messages.
        File.WriteAllText(_configFile, $"""
            per_listener_settings false
            user {Environment.UserName}
            persistence true
            persistence_location {directory}/
            autosave_interval 1
            max_queued_messages 0
            log_dest file {directory}/mosquitto.log
            log_type error
            log_type warning
            log_type notice
            {listenerConfig}
            """);
    }

    public int Port { get; }
    public string Directory => _directory;
    public string Log => File.Exists(Path.Combine(_directory, "mosquitto.log")) ? File.ReadAllText(Path.Combine(_directory, "mosquitto.log")) : "";

    /// <summary>Plain MQTT, anonymous clients allowed.</summary>
    public static MosquittoBroker StartPlain()
    {
        var port = FreePort();
        var broker = new MosquittoBroker(TempDirectory(), port, $"""
            listener {port} 127.0.0.1
            allow_anonymous true
            """);
        broker.Start();
        return broker;
    }

    /// <summary>Plain MQTT where only <paramref name="user"/> with <paramref name="password"/> may connect.</summary>
    public static MosquittoBroker StartWithPassword(string user, string password)
    {
        var directory = TempDirectory();
        var passwordFile = Path.Combine(directory, "passwords");
        using (var tool = Process.Start(new ProcessStartInfo("/usr/bin/mosquitto_passwd", ["-b", "-c", passwordFile, user, password]) { RedirectStandardError = true })
            ?? throw new InvalidOperationException("mosquitto_passwd did not start"))
        {
            tool.WaitForExit();
            if (tool.ExitCode != 0) throw new InvalidOperationException($"mosquitto_passwd failed: {tool.StandardError.ReadToEnd()}");
        }
        var port = FreePort();
        var broker = new MosquittoBroker(directory, port, $"""
            listener {port} 127.0.0.1
            allow_anonymous false
            password_file {passwordFile}
            """);
        broker.Start();
        return broker;
    }

    /// <summary>TLS with client certificates required; the certificate CN becomes the user name, restricted by the ACL.</summary>
    public static MosquittoBroker StartMutualTls(TestCertificates certificates, string aclText)
    {
        ArgumentNullException.ThrowIfNull(certificates);
        var directory = TempDirectory();
        var aclFile = Path.Combine(directory, "acl");
        File.WriteAllText(aclFile, aclText);
        var port = FreePort();
        var broker = new MosquittoBroker(directory, port, $"""
            listener {port} 127.0.0.1
            cafile {certificates.CaFile}
            certfile {certificates.ServerCertFile}
            keyfile {certificates.ServerKeyFile}
            require_certificate true
            use_identity_as_username true
            allow_anonymous false
            acl_file {aclFile}
            """);
        broker.Start();
        return broker;
    }

    public void Start()
    {
        if (!File.Exists(Executable))
            throw new InvalidOperationException($"{Executable} is missing: install the Debian package 'mosquitto' to run the center link tests.");
        _process = Process.Start(new ProcessStartInfo(Executable, ["-c", _configFile])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("mosquitto did not start");
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"mosquitto exited with {_process.ExitCode}: {_process.StandardError.ReadToEnd()} {Log}");
            try
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }
        throw new InvalidOperationException($"mosquitto did not listen on port {Port} within 10 s: {Log}");
    }

    /// <summary>Stops the broker the way an operator would (SIGTERM: it saves its persistence file first).</summary>
    public void Stop()
    {
        if (_process is null || _process.HasExited) return;
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            kill.WaitForExit();
        if (!_process.WaitForExit(10_000)) _process.Kill();
        _process.Dispose();
        _process = null;
    }

    public void Dispose()
    {
        try { _process?.Kill(); } catch (InvalidOperationException) { }
        _process?.WaitForExit(5000);
        _process?.Dispose();
        try { System.IO.Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string TempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "station-center-" + Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(path);
        return path;
    }
}
