namespace Station.Devices.SmartCards.Simulation;

/// <summary>Faults a simulated chip injects into personalization, every N-th write or by probability (seeded, so runs repeat).</summary>
public sealed record ChipFaults
{
    /// <summary>Every N-th UPDATE BINARY answers 6581 (memory failure); 0 = never.</summary>
    public int FailWriteEvery { get; init; }

    /// <summary>Probability that an UPDATE BINARY answers 6581.</summary>
    public double FailWriteProbability { get; init; }

    /// <summary>Probability that the card is pulled away during an UPDATE BINARY.</summary>
    public double CardRemovedProbability { get; init; }

    /// <summary>The card is pulled away during its N-th UPDATE BINARY; 0 = never.</summary>
    public int RemoveAtWrite { get; init; }

    /// <summary>Probability that a freshly inserted card never answers.</summary>
    public double MuteProbability { get; init; }

    public static ChipFaults None { get; } = new();
}
