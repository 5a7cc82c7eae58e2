using Station.Service.Stock;
using Station.Service.Tests.TestSupport;

namespace Station.Service.Tests.Stock;

public sealed class CardStockTests : IDisposable
{
    private readonly TestStation _station = TestStation.Create(settings: new Dictionary<string, string?> { ["Stock:AutoLoad"] = "false" });

    private CardStock Stock => _station.Stock;

    [Fact]
    public void LoadRecordsConsecutiveSerialsInTheHopper()
    {
        var load = Stock.Load("VN000000098", 3, "test");
        Assert.Equal(("VN000000098", "VN000000100", 3), (load.FirstSerial, load.LastSerial, load.Count));
        Assert.Equal(["VN000000098", "VN000000099", "VN000000100"], Stock.Cards().Select(c => c.Serial));
        Assert.All(Stock.Cards(), c => Assert.Equal(CardState.InHopper, c.State));
        Assert.Equal(new StockSummary(3, 3, 0, 0, 0), Stock.Summary());
    }

    [Fact]
    public void CardsLeaveTheHopperInLoadOrderAndEndIssuedOrSpoiled()
    {
        Stock.Load("VN000000001", 2, "test");
        Stock.Load("VN000000500", 2, "test");
        var first = _station.Submit("A-1");
        var second = _station.Submit("A-2");

        _station.Jobs.Change(first, c => c.TakeCard());
        AssertIdentity(new StockSummary(4, 3, 1, 0, 0));
        _station.Jobs.Change(first, c => c.SpoilCard(SpoilReason.ChipWriteFailed, "test"));
        AssertIdentity(new StockSummary(4, 3, 0, 0, 1));
        _station.Jobs.Change(first, c => c.TakeCard());
        _station.Jobs.Change(second, c => c.TakeCard());
        AssertIdentity(new StockSummary(4, 1, 2, 0, 1));
        _station.Jobs.Change(second, c =>
        {
            c.MoveTo(Station.Service.Jobs.JobState.Capturing);
            c.Complete();
        });
        AssertIdentity(new StockSummary(4, 1, 1, 1, 1));

        var cards = Stock.Cards().ToDictionary(c => c.Serial);
        Assert.Equal((CardState.Spoiled, SpoilReason.ChipWriteFailed, first), (cards["VN000000001"].State, cards["VN000000001"].Reason, cards["VN000000001"].JobId));
        Assert.Equal((CardState.InUse, first), (cards["VN000000002"].State, cards["VN000000002"].JobId));
        Assert.Equal((CardState.Issued, second), (cards["VN000000500"].State, cards["VN000000500"].JobId));
        Assert.Equal(CardState.InHopper, cards["VN000000501"].State);
    }

    [Fact]
    public void EmptyHopperWithoutAutoLoadSaysHowToLoad()
    {
        var job = _station.Submit("A-1");
        var error = Assert.Throws<StockException>(() => _station.Jobs.Change(job, c => c.TakeCard()));
        Assert.Equal(StockException.HopperEmpty, error.Code);
        Assert.Contains("station stock load", error.Message, StringComparison.Ordinal);
        Assert.Null(_station.Job(job).CardSerial);
    }

    [Theory]
    [InlineData("VN1", 5, "not a card serial")]
    [InlineData("VN000000001", 0, "out of range")]
    [InlineData("VN000000001", 100_001, "out of range")]
    [InlineData("VN999999998", 5, "run past the last serial")]
    public void BadLoadsAreRejectedWithTheReason(string first, int count, string expected)
    {
        var error = Assert.Throws<StockException>(() => Stock.Load(first, count, "test"));
        Assert.Equal(StockException.BadLoad, error.Code);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(new StockSummary(0, 0, 0, 0, 0), Stock.Summary());
    }

    [Fact]
    public void AnOverlappingLoadIsRejectedAndNothingIsAdded()
    {
        Stock.Load("VN000000010", 10, "test");
        var error = Assert.Throws<StockException>(() => Stock.Load("VN000000005", 6, "test"));
        Assert.Contains("VN000000010", error.Message, StringComparison.Ordinal);
        AssertIdentity(new StockSummary(10, 10, 0, 0, 0));
    }

    [Fact]
    public void SerialsOfAnotherWidthAreNotAnOverlapThoughTheySortInsideTheRange()
    {
        Stock.Load("VN000000001", 10, "test"); // nine digits: VN000000002 sorts between VN0000000011 and VN0000000020
        var load = Stock.Load("VN0000000011", 10, "test");

        Assert.Equal(("VN0000000011", "VN0000000020"), (load.FirstSerial, load.LastSerial));
        var error = Assert.Throws<StockException>(() => Stock.Load("VN0000000015", 2, "test"));
        Assert.Contains("Serial VN0000000015 is already in the stock", error.Message, StringComparison.Ordinal);
        AssertIdentity(new StockSummary(20, 20, 0, 0, 0));
    }

    [Fact]
    public void VerifyIdentityCatchesACardChangedBehindTheCountersBack()
    {
        Stock.Load("VN000000001", 3, "test");
        var card = _station.Database.Cards.FindById(2L);
        card.State = CardState.Issued;
        _station.Database.Cards.Update(card);

        var error = Assert.Throws<StockException>(() => Stock.VerifyIdentity());
        Assert.Equal(StockException.IdentityBroken, error.Code);
        Assert.Contains(_station.Database.FilePath, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AutoLoadRefillsAnEmptyHopperAfterTheLastSerial()
    {
        using var station = TestStation.Create(settings: new Dictionary<string, string?> { ["Stock:AutoLoadCount"] = "2" });
        var jobs = Enumerable.Range(1, 3).Select(i => station.Submit($"A-{i}")).ToList();
        foreach (var job in jobs)
        {
            station.Jobs.Change(job, c => c.TakeCard());
        }

        Assert.Equal(["VN000000001", "VN000000002", "VN000000003"], jobs.Select(j => station.Job(j).CardSerial));
        Assert.Equal(new StockSummary(4, 1, 3, 0, 0), station.Stock.VerifyIdentity());
        Assert.Equal(["auto", "auto"], station.Database.StockLoads.FindAll().Select(l => l.Source));
    }

    private void AssertIdentity(StockSummary expected)
    {
        Assert.Equal(expected, Stock.Summary());
        Assert.Equal(expected, Stock.VerifyIdentity());
        Assert.True(expected.IdentityHolds);
    }

    public void Dispose() => _station.Dispose();
}
