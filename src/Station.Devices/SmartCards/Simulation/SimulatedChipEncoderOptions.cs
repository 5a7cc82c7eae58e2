namespace Station.Devices.SmartCards.Simulation;

/// <summary>Options of <see cref="SimulatedChipEncoder"/>.</summary>
public sealed record SimulatedChipEncoderOptions
{
    /// <summary>Delay added to every APDU exchange (a real contact encoder takes a few ms per APDU).</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>Whether the simulated cards take extended-length APDUs.</summary>
    public bool ExtendedLength { get; init; } = true;

    public ChipFaults Faults { get; init; } = ChipFaults.None;

    /// <summary>
    /// Asked once per inserted card, for the station's own fault plan (which counts operations across the whole
    /// station, not per card): returns the faults this card gets on top of <see cref="Faults"/>, or null for none.
    /// </summary>
    public Func<ChipFaults?>? CardFaults { get; init; }

    /// <summary>
    /// When set, every locked chip that leaves the chip station is kept here as <c>chip-NNNNNN/</c> with its files
    /// (<c>COM.bin</c>, <c>DG1.bin</c>, …, <c>SOD.bin</c>, <c>CardAccess.bin</c>), so <c>station chip verify</c> can check
    /// what the pipeline wrote, as the printer simulator keeps the printed faces.
    /// </summary>
    public string? SavedChipsDirectory { get; init; }

    /// <summary>Seed for fault probabilities; each inserted card derives its own seed from it.</summary>
    public int Seed { get; init; }
}
