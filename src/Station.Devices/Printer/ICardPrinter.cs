namespace Station.Devices.Printer;

/// <summary>
/// A card printer with a chip encoding station: feeds blank cards from the hopper, holds the card at
/// the chip station while the encoder works, prints front and back, ejects good cards to the output
/// tray and rejected cards to the reject box.
/// </summary>
public interface ICardPrinter
{
    DeviceInfo Info { get; }
    DeviceStatus Status { get; }

    /// <summary>
    /// Whether a card is inside (at the chip station or under the print head), as the printer's card sensors report
    /// it: after a restart, an eject that was under way has finished when the printer holds no card.
    /// </summary>
    bool HoldsCard { get; }

    /// <summary>Takes the next blank card from the hopper to the chip station.</summary>
    /// <exception cref="DeviceFaultException">HopperEmpty, Jam, CoverOpen.</exception>
    Task FeedToChipStationAsync(CancellationToken cancellationToken);

    /// <exception cref="DeviceFaultException">Jam, RibbonOut, PrintFailed, CardLost.</exception>
    Task PrintAsync(byte[] frontPng, byte[] backPng, CancellationToken cancellationToken);

    /// <summary>Ejects the card to the output tray (issued).</summary>
    Task EjectAsync(CancellationToken cancellationToken);

    /// <summary>Moves the card in the printer, if any, to the reject box (spoiled).</summary>
    Task RejectAsync(CancellationToken cancellationToken);
}
