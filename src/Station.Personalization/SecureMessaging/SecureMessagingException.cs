namespace Station.Personalization.SecureMessaging;

/// <summary>Secure messaging or authentication failed; <see cref="StatusWord"/> is what a chip answers for it.</summary>
public sealed class SecureMessagingException(ushort statusWord, string message) : Exception(message)
{
    public ushort StatusWord { get; } = statusWord;
}
