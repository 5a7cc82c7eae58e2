using Station.Personalization.Verification;
using Station.Personalization.Tests.TestSupport;

namespace Station.Personalization.Tests.Verification;

/// <summary>A foreign SOD: BSI 2008 test passport, ECDSA-SHA1 on brainpoolP224r1 with explicit parameters, SHA-1 hashes with NULL digest parameters.</summary>
public class PassiveAuthenticatorBsi2008Tests
{
    private static readonly DateTimeOffset WhileDsValid = new(2008, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static Dictionary<int, byte[]> DataGroups() => new()
    {
        [1] = Vectors.Bsi2008("DG1.bin"),
        [14] = Vectors.Bsi2008("DG14.bin"),
    };

    private static CheckOutcome Outcome(PassiveAuthenticationReport report, string name) => report.Checks.Single(c => c.Name == name).Outcome;

    [Fact]
    public void Signature_and_DG1_DG14_hashes_verify_and_the_chain_is_not_performed_without_a_CSCA()
    {
        var report = new PassiveAuthenticator().Verify(DataGroups(), Vectors.Bsi2008("SOD.bin"), csca: null, WhileDsValid);

        Assert.True(report.NoneFailed, string.Join("\n", report.Checks));
        Assert.Equal(CheckOutcome.Passed, Outcome(report, "SOD structure"));
        Assert.Equal(CheckOutcome.Passed, Outcome(report, "SOD message digest"));
        Assert.Equal(CheckOutcome.Passed, Outcome(report, "SOD signature"));
        Assert.Equal(CheckOutcome.Passed, Outcome(report, "DS certificate validity"));
        Assert.Equal(CheckOutcome.NotPerformed, Outcome(report, "DS certificate chain"));
        Assert.Equal(CheckOutcome.Passed, Outcome(report, "DG1 hash"));
        Assert.Equal(CheckOutcome.Passed, Outcome(report, "DG14 hash"));
        Assert.Equal(CheckOutcome.NotPerformed, Outcome(report, "DG2 hash"));
        Assert.Equal(CheckOutcome.NotPerformed, Outcome(report, "DG3 hash"));
        Assert.Equal(CheckOutcome.Passed, Outcome(report, "DG1 check digits"));
        Assert.False(report.AllPerformed);
    }

    [Fact]
    public void One_byte_changed_in_DG1_fails_its_hash()
    {
        var groups = DataGroups();
        groups[1][10] ^= 0x01;

        var report = new PassiveAuthenticator().Verify(groups, Vectors.Bsi2008("SOD.bin"), null, WhileDsValid);

        Assert.Equal(CheckOutcome.Failed, Outcome(report, "DG1 hash"));
        Assert.Equal(CheckOutcome.Passed, Outcome(report, "DG14 hash"));
        Assert.False(report.NoneFailed);
    }

    [Fact]
    public void One_byte_changed_in_the_signed_content_fails_the_digest()
    {
        byte[] sod = Vectors.Bsi2008("SOD.bin");
        sod[100] ^= 0x01; // inside the LDSSecurityObject (eContent starts at offset 57)

        var report = new PassiveAuthenticator().Verify(DataGroups(), sod, null, WhileDsValid);

        Assert.Equal(CheckOutcome.Failed, Outcome(report, "SOD message digest"));
        Assert.False(report.NoneFailed);
    }

    [Fact]
    public void One_byte_changed_in_the_signature_fails_it()
    {
        byte[] sod = Vectors.Bsi2008("SOD.bin");
        sod[^5] ^= 0x01; // inside the ECDSA signature at the end

        var report = new PassiveAuthenticator().Verify(DataGroups(), sod, null, WhileDsValid);

        Assert.Equal(CheckOutcome.Failed, Outcome(report, "SOD signature"));
    }

    [Fact]
    public void DS_certificate_is_judged_at_the_given_time()
    {
        var report = new PassiveAuthenticator().Verify(DataGroups(), Vectors.Bsi2008("SOD.bin"), null, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

        var validity = report.Checks.Single(c => c.Name == "DS certificate validity");
        Assert.Equal(CheckOutcome.Failed, validity.Outcome);
        Assert.Contains("Not valid at 2026-01-01", validity.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_DG_the_SOD_does_not_cover_is_not_authenticated()
    {
        var groups = DataGroups();
        groups[15] = Vectors.Bsi2008("DG15.bin");

        var report = new PassiveAuthenticator().Verify(groups, Vectors.Bsi2008("SOD.bin"), null, WhileDsValid);

        var dg15 = report.Checks.Single(c => c.Name == "DG15 hash");
        Assert.Equal(CheckOutcome.NotPerformed, dg15.Outcome);
        Assert.Contains("no hash", dg15.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Garbage_SOD_fails_the_structure_check_with_a_reason()
    {
        var report = new PassiveAuthenticator().Verify(DataGroups(), [0x77, 0x03, 0x30, 0x01, 0x00], null, WhileDsValid);

        var structure = Assert.Single(report.Checks);
        Assert.Equal(CheckOutcome.Failed, structure.Outcome);
        Assert.Contains("EF.SOD", structure.Detail, StringComparison.Ordinal);
    }
}
