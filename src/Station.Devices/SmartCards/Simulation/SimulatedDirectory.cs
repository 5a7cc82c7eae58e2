namespace Station.Devices.SmartCards.Simulation;

/// <summary>A DF of the simulated chip (the MF or the eMRTD application) holding its EFs by FID.</summary>
internal sealed class SimulatedDirectory(ushort fid, byte[]? aid)
{
    public ushort Fid { get; } = fid;
    public byte[]? Aid { get; } = aid;
    public Dictionary<ushort, SimulatedFile> Files { get; } = [];
}
