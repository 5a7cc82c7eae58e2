using Station.Service.Pipeline;
using Station.Service.Tests.TestSupport;

namespace Station.Service.Tests.Pipeline;

[Collection(ProcessWideStateCollection.Name)]
public sealed class ExpressionCacheTests : IDisposable
{
    private readonly TestStation _station = TestStation.Create();

    [Fact]
    public async Task JobsDoNotGrowLiteDbsExpressionCache()
    {
        await _station.RunJobAsync(_station.Submit("HN-1"));
        var warm = LiteDbExpressionCache.Entries();
        for (var i = 2; i <= 6; i++)
        {
            Assert.Equal(StepResult.Ended, await _station.RunJobAsync(_station.Submit($"HN-{i}")));
        }

        Assert.Equal(warm, LiteDbExpressionCache.Entries());
    }

    public void Dispose() => _station.Dispose();
}
