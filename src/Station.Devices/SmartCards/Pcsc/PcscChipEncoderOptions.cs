namespace Station.Devices.SmartCards.Pcsc;

/// <summary>Options of <see cref="PcscChipEncoder"/>.</summary>
public sealed record PcscChipEncoderOptions
{
    /// <summary>The encoder's PC/SC reader name as <c>station readers</c> lists it; null takes the only reader present.</summary>
    public string? ReaderName { get; init; }

    /// <summary>Exclusive by default: nothing else may talk to a card while it is personalized.</summary>
    public PcscShareMode ShareMode { get; init; } = PcscShareMode.Exclusive;

    public PcscProtocol Protocols { get; init; } = PcscProtocol.Any;

    /// <summary>
    /// Whether the reader passes extended-Le APDUs. Some take extended Lc but hang on extended Le (vpcd does),
    /// which no status word reveals, so it is configuration: false reads in short blocks.
    /// </summary>
    public bool ExtendedLe { get; init; } = true;
}
