using Station.Devices.Printer;
using Station.Devices.Simulation;

namespace Station.Devices.Tests.Printer;

public sealed class SimulatedCardPrinterTests : IDisposable
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47];
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "printer-test-" + Guid.NewGuid().ToString("N"));

    private SimulatedCardPrinter Create(string faults = "", SimulatedPrinterOptions? options = null) =>
        new(SimulationSettings.Default with { Faults = FaultPlan.Parse(faults) }, options ?? new SimulatedPrinterOptions { PrintedFacesDirectory = _dir });

    [Fact]
    public async Task FeedPrintEjectCountsAndSavesBothFaces()
    {
        var printer = Create();
        var arrived = 0;
        var left = 0;
        printer.CardArrivedAtChipStation += (_, _) => arrived++;
        printer.CardLeftChipStation += (_, _) => left++;

        await printer.FeedToChipStationAsync(CancellationToken.None);
        Assert.True(printer.HasCardAtChipStation);
        await printer.PrintAsync(Png, Png, CancellationToken.None);
        Assert.False(printer.HasCardAtChipStation);
        await printer.EjectAsync(CancellationToken.None);

        Assert.Equal(new PrinterCounters(1, 1, 1, 0), printer.Counters);
        Assert.Equal((1, 1), (arrived, left));
        printer.WaitForPrintedFaces(); // written in the background
        Assert.Equal(["card-000001-back.png", "card-000001-front.png"], Directory.GetFiles(_dir).Select(Path.GetFileName).Order());
        Assert.Equal(Png, File.ReadAllBytes(Path.Combine(_dir, "card-000001-front.png")));
        Assert.Equal("ok", printer.Status.State);
    }

    [Fact]
    public async Task RejectFromChipStationTellsTheEncoderTheCardLeft()
    {
        var printer = Create();
        var left = 0;
        printer.CardLeftChipStation += (_, _) => left++;
        await printer.FeedToChipStationAsync(CancellationToken.None);
        await printer.RejectAsync(CancellationToken.None);
        Assert.Equal(1, left);
        Assert.Equal(new PrinterCounters(1, 0, 0, 1), printer.Counters);
    }

    [Fact]
    public async Task RejectWithNoCardIsANoOp()
    {
        var printer = Create();
        await printer.RejectAsync(CancellationToken.None);
        Assert.Equal(new PrinterCounters(0, 0, 0, 0), printer.Counters);
    }

    [Fact]
    public async Task JamOnFeedLeavesACardToRejectAndReportsJam()
    {
        var printer = Create("jam=1");
        var error = await Assert.ThrowsAsync<DeviceFaultException>(() => printer.FeedToChipStationAsync(CancellationToken.None));
        Assert.Equal(DeviceFault.Jam, error.Fault);
        Assert.Equal(("fault", "Jam"), (printer.Status.State, printer.Status.Code));
        await printer.RejectAsync(CancellationToken.None);
        Assert.Equal(new PrinterCounters(1, 0, 0, 1), printer.Counters);
        Assert.Equal("ok", printer.Status.State);
    }

    [Theory]
    [InlineData("hopper-empty=1", DeviceFault.HopperEmpty, "HopperEmpty")]
    [InlineData("cover-open=1", DeviceFault.CoverOpen, "CoverOpen")]
    public async Task FeedFaultsTakeNoCard(string faults, DeviceFault fault, string code)
    {
        var printer = Create(faults);
        var error = await Assert.ThrowsAsync<DeviceFaultException>(() => printer.FeedToChipStationAsync(CancellationToken.None));
        Assert.Equal(fault, error.Fault);
        Assert.Equal(code, printer.Status.Code);
        Assert.Equal(0, printer.Counters.Fed);
    }

    [Fact]
    public async Task CardLostOnTheWayToThePrintHead()
    {
        var printer = Create("card-lost=1");
        await printer.FeedToChipStationAsync(CancellationToken.None);
        var error = await Assert.ThrowsAsync<DeviceFaultException>(() => printer.PrintAsync(Png, Png, CancellationToken.None));
        Assert.Equal(DeviceFault.CardLost, error.Fault);
        Assert.False(printer.HasCardAtChipStation);
    }

    [Fact]
    public async Task RibbonRunsLowThenOut()
    {
        var printer = Create(options: new SimulatedPrinterOptions { RibbonPrints = 2, RibbonLowThreshold = 3 });
        Assert.Equal("RibbonLow", printer.Status.Code);
        for (var i = 0; i < 2; i++)
        {
            await printer.FeedToChipStationAsync(CancellationToken.None);
            await printer.PrintAsync(Png, Png, CancellationToken.None);
            await printer.EjectAsync(CancellationToken.None);
        }

        await printer.FeedToChipStationAsync(CancellationToken.None);
        var error = await Assert.ThrowsAsync<DeviceFaultException>(() => printer.PrintAsync(Png, Png, CancellationToken.None));
        Assert.Equal(DeviceFault.RibbonOut, error.Fault);
        Assert.Equal("RibbonOut", printer.Status.Code);
    }

    [Fact]
    public async Task FeedWithACardStillInsideIsAJam()
    {
        var printer = Create();
        await printer.FeedToChipStationAsync(CancellationToken.None);
        var error = await Assert.ThrowsAsync<DeviceFaultException>(() => printer.FeedToChipStationAsync(CancellationToken.None));
        Assert.Equal(DeviceFault.Jam, error.Fault);
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }
}
