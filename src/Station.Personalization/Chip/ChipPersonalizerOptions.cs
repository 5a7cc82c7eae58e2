namespace Station.Personalization.Chip;

/// <summary>Options of <see cref="ChipPersonalizer"/>.</summary>
public sealed record ChipPersonalizerOptions
{
    /// <summary>Lock the chip after verification and read it back with BAC. Off only for test cards that cannot be locked (<c>--no-lock</c>).</summary>
    public bool Lock { get; init; } = true;
}
