namespace Station.Benchmarks.Inputs;

/// <summary>A clock stopped on the sample applicant's date of issue, so intake and the test PKI agree on "now".</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public static readonly FixedClock IssueDay = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => now;
}
