using System.Security.Cryptography.X509Certificates;
using Station.Personalization.Apdu;

namespace Station.Personalization.Chip;

/// <summary>
/// Drives one card through personalization, in the order the station requires:
/// write every file, then read every file back and compare, run passive authentication over what
/// was read, lock, and read the locked chip as an inspection system would (BAC with the MRZ key).
/// </summary>
public interface IChipPersonalizer
{
    /// <summary>Creates the application and its files and writes them (and loads the per-card keys).</summary>
    /// <exception cref="ChipOperationException">Reason <c>ChipWriteFailed</c>, <c>CardRemoved</c> or <c>ChipMute</c>.</exception>
    Task WriteAsync(IApduTransport card, ChipImage image, CancellationToken cancellationToken);

    /// <summary>Read-back comparison, passive authentication against <paramref name="csca"/>, lock, then an inspection read with BAC.</summary>
    /// <exception cref="ChipOperationException">Reason <c>VerifyFailed</c>, <c>CardRemoved</c> or <c>ChipMute</c>.</exception>
    Task VerifyAndLockAsync(IApduTransport card, ChipImage image, X509Certificate2 csca, CancellationToken cancellationToken);
}
