using System.Security.Cryptography.X509Certificates;
using Station.Personalization.Apdu;
using Station.Personalization.Chip;

namespace Station.Service.Tests.TestSupport;

/// <summary>
/// The real personalizer's write on a real card, with verification left out: the pipeline tests' stub chip image is
/// not signed, so passive authentication could only fail. Verifying on vicc is covered by ChipCardCliTests.
/// </summary>
internal sealed class WriteOnlyChipPersonalizer(IChipPersonalizer inner) : IChipPersonalizer
{
    public Task WriteAsync(IApduTransport card, ChipImage image, CancellationToken cancellationToken) =>
        inner.WriteAsync(card, image, cancellationToken);

    public Task VerifyAndLockAsync(IApduTransport card, ChipImage image, X509Certificate2 csca, CancellationToken cancellationToken) =>
        Task.CompletedTask;
}
