using Station.Service.Hosting;

namespace Station.Service.Tests.Hosting;

public sealed class ProcessMemoryTests
{
    // The memory lines of a real /proc/PID/status (the station's, 1000 cards into a demo), among the others.
    private static readonly string[] StatusLines =
    [
        "Name:\tstation",
        "State:\tS (sleeping)",
        "VmPeak:\t 3265040 kB",
        "VmHWM:\t  160812 kB",
        "VmRSS:\t  112640 kB",
        "RssAnon:\t   24536 kB",
        "RssFile:\t   69880 kB",
        "RssShmem:\t   18224 kB",
        "Threads:\t21",
    ];

    [Fact]
    public void ReadsEachKindOfResidentMemory()
    {
        var memory = ProcessMemory.Parse(StatusLines);

        Assert.Equal(new ProcessMemory(112640, 24536, 69880, 18224, 160812), memory);
        Assert.Equal(24536 + 18224, memory.PrivateKiB);
    }

    [Fact]
    public void AMissingFigureIsNamed()
    {
        var error = Assert.Throws<FormatException>(() => ProcessMemory.Parse(StatusLines.Where(l => !l.StartsWith("RssShmem", StringComparison.Ordinal))));

        Assert.Contains("RssShmem", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("VmRSS:\t  112640 MB")]
    [InlineData("VmRSS:\t  many kB")]
    [InlineData("VmRSS:\t  -5 kB")]
    public void AMalformedFigureNamesItsLine(string line)
    {
        var error = Assert.Throws<FormatException>(() => ProcessMemory.Parse(StatusLines.Select(l => l.StartsWith("VmRSS", StringComparison.Ordinal) ? line : l)));

        Assert.Contains(line, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheKindsOfThisProcessAddUpToItsResidentMemory()
    {
        var memory = ProcessMemory.ReadCurrent();

        Assert.NotNull(memory); // the tests run on Linux
        Assert.Equal(memory.ResidentKiB, memory.AnonymousKiB + memory.FileKiB + memory.SharedKiB);
        Assert.True(memory.AnonymousKiB > 0 && memory.FileKiB > 0, memory.ToString());
        Assert.True(memory.PeakKiB >= memory.ResidentKiB, memory.ToString());
    }

    [Fact]
    public async Task ASettledReadingIsTakenAfterACollection()
    {
        var collections = GC.CollectionCount(2);

        var memory = await SettledMemory.ReadAsync(CancellationToken.None);

        Assert.NotNull(memory);
        Assert.True(GC.CollectionCount(2) > collections, "the reading must follow a full collection");
    }
}
