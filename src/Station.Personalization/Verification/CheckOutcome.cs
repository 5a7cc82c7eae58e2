namespace Station.Personalization.Verification;

/// <summary>Result of one passive-authentication check. A check that could not be done is <see cref="NotPerformed"/>, never passed.</summary>
public enum CheckOutcome { Passed, Failed, NotPerformed }
