using BenchmarkDotNet.Running;
using Station.Benchmarks;
using Station.Benchmarks.CpuTime;

// 'cputime': thread CPU time per operation, a cross-check on a shared machine.
if (args is ["cputime"])
    return CpuTimeReport.Run();

// Otherwise BenchmarkDotNet; pick benchmarks with --filter, e.g. --filter '*ChipData*' (what scripts/bench-chip.sh runs).
var summaries = BenchmarkSwitcher.FromAssembly(typeof(ChipDataBenchmarks).Assembly).Run(args, StationBenchmarkConfig.Create());

// BenchmarkDotNet exits 0 even when a benchmark threw; a script must see the failure.
bool failed = summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success));
return failed ? 1 : 0;
