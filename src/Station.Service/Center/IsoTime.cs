using System.Globalization;

namespace Station.Service.Center;

/// <summary>The one timestamp format on every center topic: UTC, millisecond precision, <c>Z</c> suffix.</summary>
public static class IsoTime
{
    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
