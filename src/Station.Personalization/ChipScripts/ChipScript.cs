namespace Station.Personalization.ChipScripts;

/// <summary>
/// The ordered commands that personalize one chip, split where the station verifies before it locks.
/// <see cref="Skipped"/> lists profile commands left out because the card's key material does not fit them.
/// </summary>
public sealed record ChipScript(
    IReadOnlyList<ScriptedCommand> Personalization,
    IReadOnlyList<ScriptedCommand> Lock,
    IReadOnlyList<string> Skipped)
{
    public int PayloadBytes => Personalization.Sum(c => c.PayloadLength);
    public int WireBytes => Personalization.Sum(c => c.Command.ToBytes().Length);
}
