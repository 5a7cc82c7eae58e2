using System.Diagnostics;
using System.Text;

namespace Station.Service.Tests.Testbed;

/// <summary>
/// A daemon or emulator a test starts and owns: its output is kept for failure messages, and
/// disposing it kills it (with its children), so nothing outlives the test.
/// </summary>
public sealed class TestbedProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly object _gate = new();

    private TestbedProcess(Process process, string description)
    {
        _process = process;
        Description = description;
    }

    /// <summary>What was started, for messages ("mosquitto on 127.0.0.1:40123").</summary>
    public string Description { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Everything written to stdout and stderr so far.</summary>
    public string Output
    {
        get
        {
            lock (_gate)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts <paramref name="startInfo"/> with stdout and stderr captured.</summary>
    public static TestbedProcess Start(ProcessStartInfo startInfo, string description)
    {
        ArgumentNullException.ThrowIfNull(startInfo);
        startInfo.UseShellExecute = false;
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        startInfo.RedirectStandardInput = true;
        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var owned = new TestbedProcess(process, description);
        process.OutputDataReceived += (_, e) => owned.Append(e.Data);
        process.ErrorDataReceived += (_, e) => owned.Append(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"could not start {description} ({startInfo.FileName})");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return owned;
    }

    /// <summary>Waits until a line containing <paramref name="marker"/> appears in the output.</summary>
    /// <exception cref="InvalidOperationException">The process exited first; the message has its output.</exception>
    /// <exception cref="TimeoutException">The marker did not appear in time.</exception>
    public async Task WaitForOutput(string marker, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Output.Contains(marker, StringComparison.Ordinal))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"{Description} exited with {_process.ExitCode} before printing '{marker}':\n{Output}");
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"{Description} did not print '{marker}' within {timeout.TotalSeconds:0.#} s:\n{Output}");
            }

            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Waits until the process listens on a loopback TCP port.</summary>
    public async Task WaitForPort(int port, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        try
        {
            await FreeTcpPort.WaitForListener(port, timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException error)
        {
            throw new TimeoutException($"{Description}: {error.Message}\n{Output}", error);
        }

        if (_process.HasExited)
        {
            throw new InvalidOperationException(
                $"{Description} exited with {_process.ExitCode}; something else listens on {port}:\n{Output}");
        }
    }

    /// <summary>Kills the process abruptly (SIGKILL), as a power cut or crash would.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public void Dispose()
    {
        try
        {
            Kill();
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _output.AppendLine(line);
        }
    }
}
