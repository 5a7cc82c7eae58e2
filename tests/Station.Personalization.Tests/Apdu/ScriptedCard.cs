using Station.Personalization.Apdu;

namespace Station.Personalization.Tests.Apdu;

/// <summary>Test double: a card that expects an exact command sequence and answers each with a fixed response.</summary>
internal sealed class ScriptedCard(params (string Command, string Response)[] script) : IApduTransport
{
    private int _next;

    public int MaxCommandDataLength { get; init; } = 255;
    public int MaxResponseDataLength { get; init; } = 256;
    public List<string> Sent { get; } = [];

    public Task<byte[]> TransmitAsync(ReadOnlyMemory<byte> command, CancellationToken cancellationToken)
    {
        string sent = Convert.ToHexString(command.Span);
        Sent.Add(sent);
        Assert.True(_next < script.Length, $"Unexpected extra command {sent}");
        var (expected, response) = script[_next++];
        Assert.Equal(expected, sent);
        return Task.FromResult(Convert.FromHexString(response));
    }

    public void AssertFinished() => Assert.Equal(script.Length, _next);
}
