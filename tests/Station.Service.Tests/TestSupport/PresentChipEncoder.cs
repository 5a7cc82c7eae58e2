using Station.Devices;
using Station.Devices.SmartCards;

namespace Station.Service.Tests.TestSupport;

/// <summary>Test double for the chip encoder: a card is always there and answers 90 00.</summary>
internal sealed class PresentChipEncoder : IChipEncoder
{
    public DeviceInfo Info { get; } = new("encoder", "test", "test", Simulated: true);
    /// <summary>What the encoder reports; set a <c>fault</c> to stage an unavailable encoder (e.g. pcscd not running).</summary>
    public DeviceStatus Status { get; set; } = new("encoder", "ok");

    public Task<IChipConnection> ConnectAsync(CancellationToken cancellationToken) => Task.FromResult<IChipConnection>(new Connection());

    private sealed class Connection : IChipConnection
    {
        public byte[] Atr { get; } = [0x3B, 0x00];
        public int MaxCommandDataLength => 255;
        public int MaxResponseDataLength => 256;
        public Task<byte[]> TransmitAsync(ReadOnlyMemory<byte> command, CancellationToken cancellationToken) => Task.FromResult(new byte[] { 0x90, 0x00 });
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
