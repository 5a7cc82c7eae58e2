namespace Station.Personalization.Profiles;

/// <summary>
/// How a profile derives a card's expiry date when the applicant document does not give one.
/// Either renewal ages (VNM: renew at 14, 25, 40, 60; a card issued within <see cref="GraceYears"/> before
/// a renewal age stays valid until the next one; none expires from <see cref="NoExpiryFromAge"/>) or a fixed
/// number of <see cref="ValidYears"/>.
/// </summary>
public sealed record ValidityRule
{
    public IReadOnlyList<int> RenewalAges { get; init; } = [];
    public int GraceYears { get; init; }
    /// <summary>From this age on a card does not expire (null: every card expires).</summary>
    public int? NoExpiryFromAge { get; init; }
    /// <summary>Validity in years from the issue date, used when there are no renewal ages.</summary>
    public int? ValidYears { get; init; }

    /// <summary>The expiry date of a card issued on <paramref name="issue"/>; null when it does not expire.</summary>
    public DateOnly? ExpiryFor(DateOnly birth, DateOnly issue)
    {
        if (RenewalAges.Count == 0)
        {
            return ValidYears is int years
                ? issue.AddYears(years)
                : throw new InvalidOperationException("The validity rule has neither renewal ages nor a number of valid years.");
        }

        if (NoExpiryFromAge is int noExpiryAge && issue >= birth.AddYears(noExpiryAge))
        {
            return null;
        }

        var upcoming = RenewalAges.Order().Where(age => birth.AddYears(age) > issue).ToList();
        if (upcoming.Count > 0 && issue >= birth.AddYears(upcoming[0] - GraceYears))
        {
            // Issued within the grace window before a renewal age: valid until the next one.
            upcoming.RemoveAt(0);
        }

        // No renewal age left: the card does not expire.
        return upcoming.Count == 0 ? null : birth.AddYears(upcoming[0]);
    }
}
