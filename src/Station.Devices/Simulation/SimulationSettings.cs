namespace Station.Devices.Simulation;

/// <summary>What every simulator shares: the fault plan, the per-operation latency and the seed for generated images.</summary>
public sealed record SimulationSettings(FaultPlan Faults, SimulatedLatency Latency, int Seed = 1)
{
    public static SimulationSettings Default => new(FaultPlan.None, SimulatedLatency.None);
}
