namespace Station.Service.Cli;

/// <summary>What a <see cref="StationRequest"/> prints and its exit code (0 success, 2 bad input, 1 other failure).</summary>
public sealed record StationReply(int ExitCode, string Stdout, string Stderr)
{
    public static StationReply Ok(string stdout) => new(ExitCodes.Success, stdout, "");

    public static StationReply BadInput(string stderr) => new(ExitCodes.BadInput, "", stderr);

    public static StationReply Failure(string stderr) => new(ExitCodes.Failure, "", stderr);
}
