namespace Station.Devices.SmartCards.Simulation;

/// <summary>A connection to a <see cref="SimulatedChip"/> with the encoder's per-APDU latency.</summary>
internal sealed class SimulatedChipConnection(SimulatedChip card, byte[] atr, TimeSpan latency, TimeProvider time) : IChipConnection
{
    public byte[] Atr => (byte[])atr.Clone();
    public int MaxCommandDataLength => card.MaxCommandDataLength;
    public int MaxResponseDataLength => card.MaxResponseDataLength;

    public async Task<byte[]> TransmitAsync(ReadOnlyMemory<byte> command, CancellationToken cancellationToken)
    {
        if (latency > TimeSpan.Zero)
            await Task.Delay(latency, time, cancellationToken).ConfigureAwait(false);
        return await card.TransmitAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
