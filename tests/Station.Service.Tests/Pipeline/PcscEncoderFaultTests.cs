using Station.Service.Jobs;
using Station.Service.Pipeline;
using Station.Service.Stock;
using Station.Service.Tests.Cli;
using Station.Service.Tests.TestSupport;

namespace Station.Service.Tests.Pipeline;

/// <summary>
/// The pipeline with the real PC/SC encoder on vpcd reader 1 and vicc cards fed by the simulated printer: a card
/// pulled in the middle of its write is spoiled as CardRemoved and the job goes on with the next card. vicc has no
/// key loading and no lock, and vpcd no extended Le (docs/testbed.md), so the encoder runs as for test cards.
/// </summary>
[Collection(VpcdReader1Collection.Name)]
public sealed class PcscEncoderFaultTests : IDisposable
{
    private readonly PcscPipeline _pipeline = PcscPipeline.Create();

    [Fact]
    public async Task ACardPulledMidWriteIsSpoiledAsCardRemovedAndTheNextCardIsIssued()
    {
        _pipeline.Encoder.InterruptBeforeApdu = 3;
        _pipeline.Encoder.Interrupt = _pipeline.Cards.Pull;
        var job = _pipeline.Station.Submit("HN-1");

        Assert.Equal(StepResult.Ended, await _pipeline.Station.RunJobAsync(job));

        var stored = _pipeline.Station.Job(job);
        Assert.True(stored.State == JobState.Completed, string.Join("\n", stored.History.Select(r => $"{r.State} {r.Action} {r.Result} {r.Detail}")));
        Assert.Equal((JobState.Completed, "VN000000002"), (stored.State, stored.CardSerial));
        var spoiled = Assert.Single(_pipeline.Station.Stock.Cards(), c => c.State == CardState.Spoiled);
        Assert.Equal(("VN000000001", SpoilReason.CardRemoved, job), (spoiled.Serial, spoiled.Reason, spoiled.JobId));
        Assert.Equal(new StockSummary(Loaded: 10, InHopper: 8, InUse: 0, Issued: 1, Spoiled: 1), _pipeline.Station.Stock.Summary());
    }

    public void Dispose() => _pipeline.Dispose();
}
