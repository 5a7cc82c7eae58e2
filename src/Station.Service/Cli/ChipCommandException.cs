namespace Station.Service.Cli;

/// <summary>A chip or PKI verb cannot go on; <see cref="ExitCode"/> says whether the input was bad (2) or something else failed (1).</summary>
public sealed class ChipCommandException : Exception
{
    public ChipCommandException(int exitCode, string message) : base(message) => ExitCode = exitCode;

    public ChipCommandException() : this(ExitCodes.Failure, "The command failed.") { }

    public ChipCommandException(string message) : this(ExitCodes.Failure, message) { }

    public ChipCommandException(string message, Exception innerException) : base(message, innerException) => ExitCode = ExitCodes.Failure;

    public int ExitCode { get; }

    public static ChipCommandException BadInput(string message) => new(ExitCodes.BadInput, message);
}
