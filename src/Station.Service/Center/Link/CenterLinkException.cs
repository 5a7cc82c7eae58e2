namespace Station.Service.Center.Link;

/// <summary>The broker refused something the link must have (a birth, an outbox message); the session is restarted.</summary>
public sealed class CenterLinkException : Exception
{
    public CenterLinkException() { }
    public CenterLinkException(string message) : base(message) { }
    public CenterLinkException(string message, Exception inner) : base(message, inner) { }
}
