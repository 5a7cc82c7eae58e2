namespace Station.Personalization.Verification;

/// <summary>One named check (e.g. <c>SOD signature</c>, <c>DG1 hash</c>) with its outcome and a human-readable detail.</summary>
public sealed record CheckResult(string Name, CheckOutcome Outcome, string Detail);
