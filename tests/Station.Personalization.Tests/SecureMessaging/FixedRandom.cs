using System.Security.Cryptography;

namespace Station.Personalization.Tests.SecureMessaging;

/// <summary>Test double for injected randomness: hands out the given values in order, each exactly once.</summary>
internal sealed class FixedRandom(params string[] hexValues) : RandomNumberGenerator
{
    private readonly Queue<byte[]> _values = new(hexValues.Select(Convert.FromHexString));

    public override void GetBytes(byte[] data) => GetBytes(data.AsSpan());

    public override void GetBytes(Span<byte> data)
    {
        Assert.True(_values.Count > 0, "FixedRandom ran out of values");
        byte[] next = _values.Dequeue();
        Assert.Equal(next.Length, data.Length);
        next.CopyTo(data);
    }
}
