namespace Station.Devices.SmartCards;

/// <summary>The chip encoder at the printer's chip station (a PC/SC reader, or the simulated one).</summary>
public interface IChipEncoder
{
    DeviceInfo Info { get; }
    DeviceStatus Status { get; }

    /// <summary>Connects to the card at the chip station.</summary>
    /// <exception cref="DeviceFaultException">CardRemoved (no card), ChipMute (no answer).</exception>
    Task<IChipConnection> ConnectAsync(CancellationToken cancellationToken);
}
