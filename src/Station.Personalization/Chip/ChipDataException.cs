namespace Station.Personalization.Chip;

/// <summary>The applicant's data cannot be turned into chip data; <see cref="Reason"/> is a stable code (e.g. <c>PortraitTooLarge</c>).</summary>
public sealed class ChipDataException(string reason, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Reason { get; } = reason;
}
