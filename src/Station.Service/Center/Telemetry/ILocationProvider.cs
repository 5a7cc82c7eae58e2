namespace Station.Service.Center.Telemetry;

/// <summary>Where the station is (a GPS on mobile vans). Optional: when none is registered, telemetry has no location.</summary>
public interface ILocationProvider
{
    /// <summary>The latest fix, or null when there is none yet.</summary>
    GeoFix? Current { get; }
}

/// <summary>A position fix in WGS 84 degrees.</summary>
public sealed record GeoFix(double Latitude, double Longitude, DateTimeOffset Time);
