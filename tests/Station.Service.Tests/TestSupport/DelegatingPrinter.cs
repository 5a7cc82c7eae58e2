using Station.Devices;
using Station.Devices.Printer;

namespace Station.Service.Tests.TestSupport;

/// <summary>A printer that passes everything to <paramref name="inner"/>; tests override the action they script.</summary>
internal class DelegatingPrinter(ICardPrinter inner) : ICardPrinter
{
    protected ICardPrinter Inner => inner;

    public DeviceInfo Info => inner.Info;
    public DeviceStatus Status => inner.Status;
    public bool HoldsCard => inner.HoldsCard;

    public virtual Task FeedToChipStationAsync(CancellationToken cancellationToken) => inner.FeedToChipStationAsync(cancellationToken);

    public virtual Task PrintAsync(byte[] frontPng, byte[] backPng, CancellationToken cancellationToken) => inner.PrintAsync(frontPng, backPng, cancellationToken);

    public virtual Task EjectAsync(CancellationToken cancellationToken) => inner.EjectAsync(cancellationToken);

    public virtual Task RejectAsync(CancellationToken cancellationToken) => inner.RejectAsync(cancellationToken);
}
