using System.Diagnostics;
using Station.Devices.SmartCards.Pcsc;

namespace Station.Devices.Tests.SmartCards.Vicc;

/// <summary>
/// One vicc card emulator (python3-virtualsmartcard) connected to vpcd, started and stopped by the test: it is the card.
/// Needs pcscd with the vsmartcard-vpcd driver running; without it the test fails and says how to start it.
/// </summary>
internal sealed class ViccCard : IAsyncDisposable
{
    /// <summary>vpcd's first slot listens on 35963 and appears as this reader.</summary>
    public const string ReaderName = "Virtual PCD 00 00";
    private const int VpcdPort = 35963;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan SlotWait = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _errors = new();

    private ViccCard(Process process) => _process = process;

    public static async Task<ViccCard> StartAsync(string type = "iso7816", bool extendedLength = true)
    {
        RequirePcscd();
        using (var context = PcscContext.Establish())
        {
            if (!context.ListReaders().Contains(ReaderName))
                Assert.Fail($"pcscd runs but has no '{ReaderName}' reader: install vsmartcard-vpcd and restart pcscd (pcscd -f &)");
            await WaitUntilSlotFreeAsync(context);
        }

        // Debian 12's vicc imports Crypto, which pycryptodome installs as Cryptodome: a folder with a link bridges it.
        string shim = Path.Combine(Path.GetTempPath(), $"station-vicc-py-{Environment.ProcessId}");
        Directory.CreateDirectory(shim);
        string link = Path.Combine(shim, "Crypto");
        if (!Path.Exists(link))
            File.CreateSymbolicLink(link, "/usr/lib/python3/dist-packages/Cryptodome");

        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "SmartCards", "Vicc", "vicc.py"));
        start.ArgumentList.Add("--type");
        start.ArgumentList.Add(type);
        start.ArgumentList.Add("--port");
        start.ArgumentList.Add(VpcdPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (extendedLength)
            start.ArgumentList.Add("--extended-length");
        start.Environment["PYTHONPATH"] = $"{shim}:/usr/lib/python3/site-packages/virtualsmartcard";
        var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        var card = new ViccCard(process);
        // vicc prints every created file's arguments; both pipes must be drained or it blocks once they fill.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is { } text)
                card._errors.Enqueue(text);
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = new CancellationTokenSource(StartTimeout);
        using var watch = PcscContext.Establish();
        try
        {
            await watch.WaitForCardAsync(ReaderName, timeout.Token);
        }
        catch (OperationCanceledException)
        {
            string errors = string.Join('\n', card._errors.TakeLast(20));
            await card.DisposeAsync();
            Assert.Fail($"vicc did not appear in '{ReaderName}' within {StartTimeout.TotalSeconds} s: {errors}");
        }
        return card;
    }

    /// <summary>Pulls the card: kills the emulator and waits until the reader reports it empty.</summary>
    public async Task RemoveAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        using var context = PcscContext.Establish();
        var states = context.GetStatus([ReaderName]);
        using var timeout = new CancellationTokenSource(StartTimeout);
        while (states[0].State.HasFlag(PcscReaderState.Present))
            states = await context.WaitForChangeAsync(states, timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await RemoveAsync();
        _process.Dispose();
    }

    /// <summary>The tests need the real PC/SC daemon: fail (never skip) with what to do when it is not there.</summary>
    /// <summary>
    /// Waits until <see cref="ReaderName"/> holds no card (another test's vicc may still be leaving: pcscd notices a
    /// removal only when it next polls vpcd) and returns that empty state; fails after a minute.
    /// </summary>
    public static async Task<IReadOnlyList<ReaderStatus>> WaitUntilSlotFreeAsync(PcscContext context)
    {
        var states = context.GetStatus([ReaderName]);
        using var busy = new CancellationTokenSource(SlotWait);
        try
        {
            while (states[0].State.HasFlag(PcscReaderState.Present))
                states = await context.WaitForChangeAsync(states, busy.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"'{ReaderName}' still holds a card after {SlotWait.TotalSeconds} s: another vicc is connected to vpcd port {VpcdPort}; stop it first");
        }

        return states;
    }

    public static void RequirePcscd()
    {
        try
        {
            PcscContext.Establish().Dispose();
        }
        catch (PcscException e)
        {
            Assert.Fail($"These tests need pcscd with vsmartcard-vpcd: start it with 'pcscd -f &' (test.sh does). {e.Message}");
        }
    }
}
