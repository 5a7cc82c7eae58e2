namespace Station.Devices.Simulation;

/// <summary>When one injected fault fires: with a probability per operation, or on every N-th operation.</summary>
public sealed record FaultRule(DeviceFault Fault, double Probability, int EveryN)
{
    public static FaultRule WithProbability(DeviceFault fault, double probability) => new(fault, probability, 0);

    public static FaultRule Every(DeviceFault fault, int n) => new(fault, 0, n);

    public override string ToString() => EveryN > 0 ? $"{FaultPlan.NameOf(Fault)}=every:{EveryN}" : $"{FaultPlan.NameOf(Fault)}={Probability}";
}
