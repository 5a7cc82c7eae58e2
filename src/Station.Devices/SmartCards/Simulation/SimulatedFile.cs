namespace Station.Devices.SmartCards.Simulation;

/// <summary>A transparent EF of the simulated chip: fixed size from CREATE FILE, filled by UPDATE BINARY.</summary>
internal sealed class SimulatedFile(ushort fid, int size)
{
    public ushort Fid { get; } = fid;
    public byte[] Content { get; } = new byte[size];
}
