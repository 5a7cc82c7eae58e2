namespace Station.Personalization.Apdu;

/// <summary>A card answered a command with an error status word.</summary>
public sealed class ApduException : Exception
{
    public ApduException(ushort statusWord, string command)
        : base($"{command} failed: card answered {Apdu.StatusWord.Describe(statusWord)}")
    {
        StatusWord = statusWord;
    }

    public ApduException(string message) : base(message) { }

    public ApduException(string message, Exception inner) : base(message, inner) { }

    public ApduException() { }

    /// <summary>The card's SW1 SW2, or 0 when the failure was not a status word (e.g. a malformed response).</summary>
    public ushort StatusWord { get; }
}
