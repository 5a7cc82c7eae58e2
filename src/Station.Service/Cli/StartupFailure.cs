using Microsoft.Extensions.Options;
using Station.Service.Stock;
using Station.Service.Storage;

namespace Station.Service.Cli;

/// <summary>Turns the errors that can stop the station from starting into an exit code and a message that says what to do.</summary>
public static class StartupFailure
{
    public static bool TryDescribe(Exception error, out int exitCode, out string message)
    {
        ArgumentNullException.ThrowIfNull(error);
        (exitCode, message) = error switch
        {
            OptionsValidationException e => (ExitCodes.BadInput, "Configuration error: " + string.Join("; ", e.Failures)),
            InvalidOperationException e when e.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) => (ExitCodes.BadInput, "Configuration error: " + e.Message),
            // appsettings.json or /etc/station/station.json is not JSON: the configuration builder names the file.
            InvalidDataException e when e.Message.StartsWith("Failed to load configuration from file", StringComparison.Ordinal) =>
                (ExitCodes.BadInput, $"Configuration error: {e.Message} {e.InnerException?.Message}".TrimEnd()),
            StationDatabaseException e => (ExitCodes.Failure, e.Message),
            // E.g. a technician's `job list` against the service's 0700 data directory.
            UnauthorizedAccessException e => (ExitCodes.Failure, $"Permission denied: {e.Message} Run the command as root or as the user the station runs as."),
            StockException e => (ExitCodes.Failure, e.Message),
            _ => (0, ""),
        };
        return exitCode != 0;
    }
}
