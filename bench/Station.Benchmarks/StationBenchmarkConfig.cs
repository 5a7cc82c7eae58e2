using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Loggers;

namespace Station.Benchmarks;

/// <summary>
/// The run's configuration (jobs come from each class's attribute): the median, min and max next to the mean,
/// allocations, a GitHub table, and JSON with the full-precision statistics that <c>scripts/bench-chip.sh</c> reads.
/// </summary>
internal static class StationBenchmarkConfig
{
    public static IConfig Create() => ManualConfig.CreateMinimumViable()
        .AddLogger(ConsoleLogger.Default)
        .AddColumn(StatisticColumn.Median, StatisticColumn.Min, StatisticColumn.Max)
        .AddDiagnoser(MemoryDiagnoser.Default)
        .AddExporter(MarkdownExporter.GitHub)
        .AddExporter(JsonExporter.Brief);
}
