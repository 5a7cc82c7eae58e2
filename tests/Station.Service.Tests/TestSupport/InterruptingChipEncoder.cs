using Station.Devices;
using Station.Devices.SmartCards;

namespace Station.Service.Tests.TestSupport;

/// <summary>
/// Wraps a real encoder and runs a fault (pull the card, kill pcscd) once, just before the
/// <see cref="InterruptBeforeApdu"/>-th APDU sent through it, so "in the middle of a write" is deterministic.
/// </summary>
internal sealed class InterruptingChipEncoder(IChipEncoder inner) : IChipEncoder
{
    private int _sent;

    /// <summary>1-based APDU count at which <see cref="Interrupt"/> runs; 0 never.</summary>
    public int InterruptBeforeApdu { get; set; }

    public Action? Interrupt { get; set; }

    public DeviceInfo Info => inner.Info;
    public DeviceStatus Status => inner.Status;

    public async Task<IChipConnection> ConnectAsync(CancellationToken cancellationToken) =>
        new Connection(await inner.ConnectAsync(cancellationToken), this);

    private void BeforeApdu()
    {
        if (++_sent == InterruptBeforeApdu)
        {
            Interrupt?.Invoke();
        }
    }

    private sealed class Connection(IChipConnection inner, InterruptingChipEncoder owner) : IChipConnection
    {
        public byte[] Atr => inner.Atr;
        public int MaxCommandDataLength => inner.MaxCommandDataLength;
        public int MaxResponseDataLength => inner.MaxResponseDataLength;

        public Task<byte[]> TransmitAsync(ReadOnlyMemory<byte> command, CancellationToken cancellationToken)
        {
            owner.BeforeApdu();
            return inner.TransmitAsync(command, cancellationToken);
        }

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
