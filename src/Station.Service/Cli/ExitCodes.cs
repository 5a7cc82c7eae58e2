namespace Station.Service.Cli;

/// <summary>Exit codes of the <c>station</c> command.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    /// <summary>Something else failed; the message says what to do.</summary>
    public const int Failure = 1;
    /// <summary>Bad input: the field errors are on stderr.</summary>
    public const int BadInput = 2;
}
