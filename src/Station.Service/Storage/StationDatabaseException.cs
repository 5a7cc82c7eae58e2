namespace Station.Service.Storage;

/// <summary>The database file cannot be used (foreign, corrupt, or newer schema); the message names the file and what to do.</summary>
public sealed class StationDatabaseException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>True when another process holds the database; trying again later may succeed.</summary>
    public bool IsLocked { get; init; }
}
