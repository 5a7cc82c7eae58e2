namespace Station.Personalization.Verification;

/// <summary>Every check passive authentication made, in order.</summary>
public sealed record PassiveAuthenticationReport(IReadOnlyList<CheckResult> Checks)
{
    /// <summary>True when no check failed (checks not performed do not count as failures here; see <see cref="AllPerformed"/>).</summary>
    public bool NoneFailed => Checks.All(c => c.Outcome != CheckOutcome.Failed);

    /// <summary>True when every check was performed and passed.</summary>
    public bool AllPerformed => Checks.All(c => c.Outcome == CheckOutcome.Passed);
}
