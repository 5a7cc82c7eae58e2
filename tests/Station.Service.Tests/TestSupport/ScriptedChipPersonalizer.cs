using System.Security.Cryptography.X509Certificates;
using Station.Personalization.Apdu;
using Station.Personalization.Chip;

namespace Station.Service.Tests.TestSupport;

/// <summary>Test double for the personalizer: fails the next writes or verifies as scripted, and counts calls.</summary>
internal sealed class ScriptedChipPersonalizer(CrashSwitch crash) : IChipPersonalizer
{
    public Queue<string> WriteFailures { get; } = new();
    public Queue<string> VerifyFailures { get; } = new();
    public bool AlwaysFailWrites { get; set; }
    public int Writes { get; private set; }
    public int Verifies { get; private set; }

    public Task WriteAsync(IApduTransport card, ChipImage image, CancellationToken cancellationToken)
    {
        crash.At("chip.write");
        Writes++;
        if (AlwaysFailWrites)
        {
            throw new ChipOperationException("ChipWriteFailed", "scripted: write always fails");
        }

        return WriteFailures.TryDequeue(out var reason) ? throw new ChipOperationException(reason, $"scripted {reason}") : Task.CompletedTask;
    }

    public Task VerifyAndLockAsync(IApduTransport card, ChipImage image, X509Certificate2 csca, CancellationToken cancellationToken)
    {
        crash.At("chip.verify");
        Verifies++;
        return VerifyFailures.TryDequeue(out var reason) ? throw new ChipOperationException(reason, $"scripted {reason}") : Task.CompletedTask;
    }
}
