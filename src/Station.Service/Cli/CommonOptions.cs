using System.CommandLine;

namespace Station.Service.Cli;

/// <summary>Options shared by every verb.</summary>
public static class CommonOptions
{
    public static Option<string?> DataDir { get; } = new("--data-dir")
    {
        Description = "Folder holding all station state (default: /var/lib/station under systemd, ./.station otherwise).",
        Recursive = true,
    };

    public static Option<bool> Json { get; } = new("--json") { Description = "Print JSON instead of text." };

    /// <summary>Tokens no option claimed, passed on as configuration overrides such as <c>--Pipeline:EncodeAttempts=5</c>.</summary>
    public static IReadOnlyList<string> Overrides(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        return parseResult.UnmatchedTokens;
    }

    public static async Task<int> WriteAsync(StationReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        await Console.Out.WriteAsync(reply.Stdout);
        await Console.Error.WriteAsync(reply.Stderr);
        return reply.ExitCode;
    }
}
