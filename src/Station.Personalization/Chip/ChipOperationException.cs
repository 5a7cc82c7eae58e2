namespace Station.Personalization.Chip;

/// <summary>A chip operation failed; <see cref="Reason"/> is the spoilage reason code recorded for the card
/// (<c>ChipWriteFailed</c>, <c>VerifyFailed</c>, <c>CardRemoved</c>, <c>ChipMute</c>).</summary>
public sealed class ChipOperationException(string reason, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Reason { get; } = reason;
}
