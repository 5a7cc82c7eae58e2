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
