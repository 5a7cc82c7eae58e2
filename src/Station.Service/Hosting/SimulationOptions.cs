using System.ComponentModel.DataAnnotations;

namespace Station.Service.Hosting;

/// <summary>Options of section <c>Simulation</c>: latency, injected faults and seed of the simulated devices.</summary>
public sealed class SimulationOptions
{
    public const string Section = "Simulation";

    [Range(0, 60_000, ErrorMessage = "Simulation:LatencyMs must be between {1} and {2}.")]
    public int LatencyMs { get; set; }

    /// <summary>Fault plan, e.g. <c>jam=0.05,chip-write=every:7</c> (see <c>FaultPlan.Parse</c>).</summary>
    public string? Faults { get; set; }

    public int Seed { get; set; } = 1;

    /// <summary>Keep every printed card face as PNG in <c>{data-dir}/printed</c> and every locked chip's files in <c>{data-dir}/chips</c>.</summary>
    public bool SavePrintedFaces { get; set; } = true;
}
