using Station.Personalization.Profiles;

namespace Station.Personalization.Tests.Profiles;

/// <summary>The Vietnamese rule (GUIDE §2) as the VNM profile states it.</summary>
public class ValidityRuleTests
{
    private static readonly ValidityRule Vnm = ProfileRegistry.Load().Get("VNM").Validity;
    private static readonly DateOnly Birth = new(1990, 1, 15);

    [Theory]
    [InlineData("1996-05-01", "2004-01-15")] // age 6: until 14
    [InlineData("2002-01-14", "2004-01-15")] // one day before the grace window of 14
    [InlineData("2002-01-15", "2015-01-15")] // within 2 years before 14: until 25
    [InlineData("2013-01-14", "2015-01-15")] // age 22, one day before the grace window of 25: until 25
    [InlineData("2013-06-01", "2030-01-15")] // age 23: within 2 years before 25 → until 40
    [InlineData("2020-03-01", "2030-01-15")] // age 30: until 40
    [InlineData("2028-01-15", "2050-01-15")] // age 38: grace before 40 → until 60
    [InlineData("2040-01-14", "2050-01-15")] // age 49: until 60
    [InlineData("2048-01-15", null)] // age 58: grace before 60 → no expiry
    [InlineData("2055-07-01", null)] // age 65: no expiry
    public void RenewalAgesWithGraceWindow(string issue, string? expected)
    {
        var expiry = Vnm.ExpiryFor(Birth, DateOnly.ParseExact(issue, "yyyy-MM-dd"));
        Assert.Equal(expected is null ? null : DateOnly.ParseExact(expected, "yyyy-MM-dd"), expiry);
    }

    [Fact]
    public void FixedYears() =>
        Assert.Equal(new DateOnly(2036, 2, 28), new ValidityRule { ValidYears = 10 }.ExpiryFor(Birth, new DateOnly(2026, 2, 28)));
}
