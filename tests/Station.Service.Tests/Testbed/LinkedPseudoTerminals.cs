using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Station.Service.Tests.Testbed;

/// <summary>
/// Two linked pseudo-terminals from <c>socat -d -d pty,raw,echo=0 pty,raw,echo=0</c>: the driver
/// under test opens <see cref="DriverSide"/> as its serial port, a simulator speaking the
/// device's protocol opens <see cref="DeviceSide"/>. Disposing it unplugs the "cable".
/// </summary>
public sealed partial class LinkedPseudoTerminals : IDisposable
{
    private readonly TestbedProcess _socat;

    private LinkedPseudoTerminals(TestbedProcess socat, string driverSide, string deviceSide)
    {
        _socat = socat;
        DriverSide = driverSide;
        DeviceSide = deviceSide;
    }

    /// <summary>e.g. /dev/pts/3: what the driver opens.</summary>
    public string DriverSide { get; }

    /// <summary>e.g. /dev/pts/4: what the device simulator opens.</summary>
    public string DeviceSide { get; }

    public static async Task<LinkedPseudoTerminals> Create()
    {
        var socat = TestbedProcess.Start(
            new ProcessStartInfo(ToolLocator.Require("socat")) { ArgumentList = { "-d", "-d", "pty,raw,echo=0", "pty,raw,echo=0" } },
            "socat pty pair");
        try
        {
            await socat.WaitForOutput("starting data transfer loop", TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            var paths = PtyLine().Matches(socat.Output).Select(match => match.Groups[1].Value).ToList();
            if (paths.Count != 2)
            {
                throw new InvalidOperationException($"socat did not report two pseudo-terminals:\n{socat.Output}");
            }

            return new LinkedPseudoTerminals(socat, paths[0], paths[1]);
        }
        catch
        {
            socat.Dispose();
            throw;
        }
    }

    public void Dispose() => _socat.Dispose();

    [GeneratedRegex(@"PTY is (\S+)")]
    private static partial Regex PtyLine();
}
