using Station.Devices.SmartCards.Pcsc;
using Station.Personalization.Chip;
using Station.Personalization.Signing;

namespace Station.Service.Cli;

/// <summary>Runs the body of a chip, PKI or readers verb and turns the errors it can meet into an exit code and one clear line on stderr.</summary>
public static class ChipCommandRunner
{
    public static async Task<int> RunAsync(Func<Task<int>> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return await body();
        }
        catch (ChipCommandException e)
        {
            return await Fail(e.ExitCode, e.Message);
        }
        catch (ChipDataException e)
        {
            // The input cannot become chip data (corrupt photo, portrait over budget, missing finger): bad input.
            return await Fail(ExitCodes.BadInput, $"{e.Reason}: {e.Message}");
        }
        catch (SignerUnavailableException e)
        {
            return await Fail(ExitCodes.Failure, $"Document signer: {e.Message}");
        }
        catch (ChipOperationException e)
        {
            return await Fail(ExitCodes.Failure, $"{e.Reason}: {e.Message}");
        }
        catch (PcscException e)
        {
            return await Fail(ExitCodes.Failure, $"PC/SC: {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return await Fail(ExitCodes.Failure, e.Message);
        }
    }

    private static async Task<int> Fail(int exitCode, string message)
    {
        await Console.Error.WriteLineAsync(message);
        return exitCode;
    }
}
