using System.Globalization;

namespace Station.Personalization.Mrz;

/// <summary>MRZ dates: six digits <c>YYMMDD</c> (Doc 9303 Part 3 §4.8).</summary>
public static class MrzDate
{
    public static string Format(DateOnly date) => date.ToString("yyMMdd", CultureInfo.InvariantCulture);
}
