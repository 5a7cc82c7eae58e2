namespace Station.Personalization.Chip;

/// <summary>Hands out a fresh per-card key pair set (chip authentication and active authentication).</summary>
public interface IChipKeySource
{
    ChipKeyPairs Next();
}
