using Station.Service.Hosting;

namespace Station.Service.Tests.Hosting;

public sealed class WorkSignalTests : IDisposable
{
    private readonly WorkSignal _work = new();

    [Fact]
    public async Task ASignalWakesAWaiter()
    {
        var waiting = _work.WaitAsync(TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        _work.Signal();

        Assert.True(await waiting.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task SignalsWhileNobodyWaitsCollapseIntoOne()
    {
        _work.Signal();
        _work.Signal();

        Assert.True(await _work.WaitAsync(TimeSpan.Zero, CancellationToken.None));
        Assert.False(await _work.WaitAsync(TimeSpan.Zero, CancellationToken.None));
    }

    [Fact]
    public async Task WithoutASignalTheWaitEndsAtItsTimeout()
    {
        Assert.False(await _work.WaitAsync(TimeSpan.FromMilliseconds(50), CancellationToken.None));
    }

    [Fact]
    public async Task StoppingEndsTheWait()
    {
        using var stop = new CancellationTokenSource();
        var waiting = _work.WaitAsync(TimeSpan.FromMinutes(1), stop.Token);

        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    [Fact]
    public void ASignalAfterDisposalIsDropped()
    {
        _work.Dispose();

        _work.Signal(); // at shutdown, a commit or a disconnect may still signal
    }

    public void Dispose() => _work.Dispose();
}
