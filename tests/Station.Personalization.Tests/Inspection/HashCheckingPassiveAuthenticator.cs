using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Station.Personalization.Tests.ChipScripts;
using Station.Personalization.Verification;

namespace Station.Personalization.Tests.Inspection;

/// <summary>
/// Test double for <see cref="IPassiveAuthenticator"/>: checks each data group against the SHA-256 hashes in a
/// <see cref="TestSod"/> and reports the signature and chain as not performed. The real implementation comes from the chip-data work.
/// </summary>
internal sealed class HashCheckingPassiveAuthenticator : IPassiveAuthenticator
{
    public int Calls { get; private set; }

    public PassiveAuthenticationReport Verify(IReadOnlyDictionary<int, byte[]> dataGroups, byte[] sod, X509Certificate2? csca, DateTimeOffset at)
    {
        Calls++;
        var hashes = TestSod.ReadHashes(sod);
        var checks = new List<CheckResult> { new("SOD signature", CheckOutcome.NotPerformed, "test double") };
        foreach (var (number, content) in dataGroups.OrderBy(d => d.Key))
        {
            bool ok = hashes.TryGetValue(number, out byte[]? expected) && expected.AsSpan().SequenceEqual(SHA256.HashData(content));
            checks.Add(new CheckResult($"DG{number} hash", ok ? CheckOutcome.Passed : CheckOutcome.Failed, ok ? "matches" : "differs from the SOD"));
        }
        return new PassiveAuthenticationReport(checks);
    }
}
