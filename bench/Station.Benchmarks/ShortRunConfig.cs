using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Csv;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using Perfolizer.Horology;
using Perfolizer.Metrology;

namespace Station.Benchmarks;

/// <summary>
/// A short job (3 warm-up and 10 measured iterations, 250 ms each) so the whole suite stays well under three
/// minutes on the station's two cores, with the median shown and a CSV in milliseconds that
/// <c>scripts/bench-chip.sh</c> reads.
/// </summary>
public sealed class ShortRunConfig : ManualConfig
{
    public ShortRunConfig()
    {
        AddJob(Job.Default
            .WithWarmupCount(3)
            .WithIterationCount(10)
            .WithIterationTime(TimeInterval.FromMilliseconds(250))
            .WithId("Short"));
        AddColumn(StatisticColumn.Median, StatisticColumn.Min, StatisticColumn.Max);
        AddDiagnoser(MemoryDiagnoser.Default);
        AddExporter(new CsvExporter(CsvSeparator.Comma,
            new SummaryStyle(CultureInfo.InvariantCulture, printUnitsInHeader: true, SizeUnit.KB, TimeUnit.Millisecond, printUnitsInContent: false)));
        AddExporter(MarkdownExporter.GitHub);
    }
}
