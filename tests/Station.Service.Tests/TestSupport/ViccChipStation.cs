using Station.Devices.Printer;
using Station.Service.Tests.Testbed;

namespace Station.Service.Tests.TestSupport;

/// <summary>
/// Puts a fresh vicc ISO 7816 card in vpcd reader 1 whenever the simulated printer feeds a card to its chip station,
/// so the pipeline writes real blank cards through pcscd. <see cref="Pull"/> takes the current card away.
/// </summary>
internal sealed class ViccChipStation : IDisposable
{
    private ViccCard? _card;

    public ViccChipStation(SimulatedCardPrinter printer)
    {
        ArgumentNullException.ThrowIfNull(printer);
        // The printer raises the event synchronously while feeding: the card must be there when the feed returns.
        printer.CardArrivedAtChipStation += (_, _) =>
        {
            Pull();
            _card = ViccCard.Insert(readerPort: TestbedEnvironment.VpcdReader1Port, extendedLength: true).GetAwaiter().GetResult();
        };
    }

    public const string ReaderName = "Virtual PCD 00 01";

    /// <summary>Stops the vicc of the current card and waits until pcscd has noticed that the card left the reader.</summary>
    public void Pull()
    {
        _card?.RemoveAndWaitUntilNoticed().GetAwaiter().GetResult();
        _card?.Dispose();
        _card = null;
    }

    public void Dispose() => Pull();
}
