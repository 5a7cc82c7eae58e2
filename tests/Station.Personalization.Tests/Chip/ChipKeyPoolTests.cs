using System.Security.Cryptography;
using Station.Personalization.Chip;

namespace Station.Personalization.Tests.Chip;

public class ChipKeyPoolTests
{
    // Generous: only a broken pool takes this long; no test asserts how fast anything is.
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    [Fact]
    public void FillsUpToItsCapacityInTheBackground()
    {
        using var pool = new ChipKeyPool(new ChipKeyFactory(), capacity: 3);

        Assert.True(pool.WaitUntilFull(Patience), "the pool never filled");
        Assert.Equal(3, pool.Available);
        Assert.True(pool.IsFilling, "the producer should wait for room, not end");
    }

    [Fact]
    public void HandsOutDistinctKeysWhosePrivateHalvesMatchThePublicOnes()
    {
        using var pool = new ChipKeyPool(new ChipKeyFactory(), capacity: 2);
        Assert.True(pool.WaitUntilFull(Patience));

        // More than the capacity: the rest come from refills or from generation on this thread.
        var handedOut = Enumerable.Range(0, 5).Select(_ => pool.Next()).ToList();

        var publicKeys = handedOut.SelectMany(k => new[] { k.ChipAuthenticationPublicKey, k.ActiveAuthenticationPublicKey }).Select(Convert.ToHexString).ToList();
        Assert.Equal(publicKeys.Count, publicKeys.Distinct().Count());
        foreach (var keys in handedOut)
        {
            using var chipAuthentication = ECDiffieHellman.Create();
            chipAuthentication.ImportPkcs8PrivateKey(keys.Secrets.ChipAuthenticationPrivateKey, out _);
            using var activeAuthentication = ECDsa.Create();
            activeAuthentication.ImportPkcs8PrivateKey(keys.Secrets.ActiveAuthenticationPrivateKey, out _);
            Assert.Equal(keys.ChipAuthenticationPublicKey, chipAuthentication.ExportSubjectPublicKeyInfo());
            Assert.Equal(keys.ActiveAuthenticationPublicKey, activeAuthentication.ExportSubjectPublicKeyInfo());
            Assert.Equal(ECCurve.NamedCurves.brainpoolP256r1.Oid.Value, activeAuthentication.ExportParameters(false).Curve.Oid.Value);
        }
    }

    [Fact]
    public void RefillsAfterKeysAreTakenAndNeverHandsOutTheSameKeysTwice()
    {
        using var pool = new ChipKeyPool(new ChipKeyFactory(), capacity: 2);
        Assert.True(pool.WaitUntilFull(Patience));
        var before = pool.ReadyKeys();

        var first = pool.Next();
        var second = pool.Next();
        Assert.True(pool.WaitUntilFull(Patience), "the pool did not refill");

        Assert.Same(before[0], first);
        Assert.Same(before[1], second);
        var refilled = pool.ReadyKeys();
        Assert.Equal(2, refilled.Count);
        Assert.DoesNotContain(refilled, k => k.ActiveAuthenticationPublicKey.AsSpan().SequenceEqual(first.ActiveAuthenticationPublicKey)
                                          || k.ActiveAuthenticationPublicKey.AsSpan().SequenceEqual(second.ActiveAuthenticationPublicKey));
    }

    [Fact]
    public void DisposeStopsTheThreadZeroesTheKeysNotHandedOutAndRefusesMore()
    {
        var pool = new ChipKeyPool(new ChipKeyFactory(), capacity: 2);
        Assert.True(pool.WaitUntilFull(Patience));
        var waiting = pool.ReadyKeys();

        pool.Dispose();

        Assert.False(pool.IsFilling);
        Assert.Equal(0, pool.Available);
        Assert.All(waiting, k =>
        {
            Assert.All(k.Secrets.ChipAuthenticationPrivateKey, b => Assert.Equal(0, b));
            Assert.All(k.Secrets.ActiveAuthenticationPrivateKey, b => Assert.Equal(0, b));
        });
        Assert.Throws<ObjectDisposedException>(() => pool.Next());
        Assert.False(pool.WaitUntilFull(TimeSpan.FromSeconds(1)));
        pool.Dispose(); // twice is harmless
    }

    [Fact]
    public void AnUnsupportedCurveStopsTheThreadAndNextReportsTheError()
    {
        using var pool = new ChipKeyPool(new ChipKeyFactory(ECCurve.CreateFromValue("1.2.3.4.5")), capacity: 2);

        Assert.False(pool.WaitUntilFull(Patience));
        Assert.IsType<PlatformNotSupportedException>(pool.Failure);
        var error = Assert.Throws<PlatformNotSupportedException>(() => pool.Next());
        Assert.Contains("1.2.3.4.5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CapacityMustBeAtLeastOne()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new ChipKeyPool(new ChipKeyFactory(), capacity: 0));
        Assert.Equal("capacity", error.ParamName);
    }
}
