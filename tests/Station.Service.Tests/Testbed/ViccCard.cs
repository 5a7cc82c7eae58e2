using System.Diagnostics;

namespace Station.Service.Tests.Testbed;

/// <summary>Which card vicc emulates.</summary>
public enum ViccCardType
{
    /// <summary>ISO 7816-4 file system: CREATE FILE, SELECT, UPDATE/READ BINARY.</summary>
    Iso7816,

    /// <summary>
    /// vicc's ICAO passport built from a TD3 MRZ: BAC mutual authentication works; its secure
    /// messaging after BAC does not (see docs/testbed.md).
    /// </summary>
    EPass,
}

/// <summary>
/// A vicc card emulator inserted in one vpcd reader for the lifetime of this object: disposing
/// it removes the card. Needs the test bed (pcscd running, STATION_VICC* set).
/// </summary>
public sealed class ViccCard : IDisposable
{
    private readonly TestbedProcess _process;

    private ViccCard(TestbedProcess process, int readerPort)
    {
        _process = process;
        ReaderPort = readerPort;
    }

    /// <summary>35963 is reader "Virtual PCD 00 00", 35964 is "Virtual PCD 00 01".</summary>
    public int ReaderPort { get; }

    /// <summary>The PC/SC reader name the card sits in.</summary>
    public string ReaderName => ReaderNameOf(ReaderPort);

    /// <summary>vicc's log so far (every APDU when started verbose).</summary>
    public string Log => _process.Output;

    /// <summary>Inserts a card: starts vicc and waits until pcscd reports it in the reader.</summary>
    /// <param name="type">The emulation.</param>
    /// <param name="readerPort">Which vpcd slot: <see cref="TestbedEnvironment.VpcdReader0Port"/> or reader 1.</param>
    /// <param name="extendedLength">Accept extended Lc/Le.</param>
    /// <param name="verbose">Log every APDU into <see cref="Log"/>.</param>
    /// <param name="mrz">For <see cref="ViccCardType.EPass"/>: the 88 characters of a TD3 MRZ.</param>
    public static async Task<ViccCard> Insert(
        ViccCardType type = ViccCardType.Iso7816,
        int readerPort = TestbedEnvironment.VpcdReader0Port,
        bool extendedLength = true,
        bool verbose = false,
        string? mrz = null)
    {
        TestbedEnvironment.RequirePcscd();
        if (type == ViccCardType.EPass && mrz?.Length != 88)
        {
            throw new ArgumentException("an ePass card needs the 88 characters of a TD3 MRZ", nameof(mrz));
        }

        var startInfo = new ProcessStartInfo(TestbedEnvironment.Python)
        {
            ArgumentList =
            {
                TestbedEnvironment.ViccLauncher,
                "--type", type == ViccCardType.EPass ? "ePass" : "iso7816",
                "--port", readerPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
        };
        if (extendedLength)
        {
            startInfo.ArgumentList.Add("--extended-length");
        }

        if (mrz is not null)
        {
            startInfo.ArgumentList.Add("--mrz");
            startInfo.ArgumentList.Add(mrz);
        }

        if (verbose)
        {
            startInfo.ArgumentList.Add("--verbose");
        }

        startInfo.Environment["PYTHONPATH"] = TestbedEnvironment.ViccPythonPath;

        // pcscd notices a removal late: if the previous card of this reader was just pulled, the
        // reader still says "Yes" for a moment, and that must not be taken for the new card.
        await WaitForReaderState(ReaderNameOf(readerPort), cardPresent: false, TimeSpan.FromSeconds(10), string.Empty).ConfigureAwait(false);
        var process = TestbedProcess.Start(startInfo, $"vicc {type} on vpcd port {readerPort}");
        var card = new ViccCard(process, readerPort);
        try
        {
            await process.WaitForOutput("vicc ready", TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            await WaitForReaderState(card.ReaderName, cardPresent: true, TimeSpan.FromSeconds(10), card.Log).ConfigureAwait(false);
        }
        catch
        {
            card.Dispose();
            throw;
        }

        return card;
    }

    // vicc is connected before pcscd notices the card (it polls vpcd), so a connect right after
    // start fails with "Card not present" unless we wait for the reader to list it.
    private static async Task WaitForReaderState(string readerName, bool cardPresent, TimeSpan timeout, string viccLog)
    {
        var tool = ToolLocator.Require("opensc-tool");
        var deadline = DateTime.UtcNow + timeout;
        var listing = string.Empty;
        while (DateTime.UtcNow < deadline)
        {
            listing = (await ToolRun.Run(tool, "--list-readers").ConfigureAwait(false)).StandardOutput;

            // Rows look like "1    Yes             Virtual PCD 00 01".
            var row = listing.Split('\n').FirstOrDefault(line => line.TrimEnd().EndsWith(readerName, StringComparison.Ordinal));
            if (row is not null && row.Contains("Yes", StringComparison.Ordinal) == cardPresent)
            {
                return;
            }

            await Task.Delay(100).ConfigureAwait(false);
        }

        var expected = cardPresent ? "a card" : "no card (is another vicc still connected to it?)";
        throw new TimeoutException($"pcscd did not report {expected} in '{readerName}' within {timeout.TotalSeconds:0.#} s:\n{listing}\nvicc:\n{viccLog}");
    }

    private static string ReaderNameOf(int port) => port == TestbedEnvironment.VpcdReader0Port ? "Virtual PCD 00 00" : "Virtual PCD 00 01";

    /// <summary>Pulls the card out abruptly (kills vicc), e.g. in the middle of a write.</summary>
    public void Remove() => _process.Kill();

    /// <summary>
    /// Pulls the card and returns once pcscd reports the reader empty, as a real reader's card switch would tell it at
    /// once (pcscd only polls vpcd, so an APDU sent just after <see cref="Remove"/> looks like a mute card).
    /// </summary>
    public Task RemoveAndWaitUntilNoticed()
    {
        Remove();
        return WaitForReaderState(ReaderName, cardPresent: false, TimeSpan.FromSeconds(10), Log);
    }

    public void Dispose() => _process.Dispose();
}
