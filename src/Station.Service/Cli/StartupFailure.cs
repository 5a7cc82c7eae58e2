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
            StationDatabaseException e => (ExitCodes.Failure, e.Message),
            StockException e => (ExitCodes.Failure, e.Message),
            _ => (0, ""),
        };
        return exitCode != 0;
    }
}
