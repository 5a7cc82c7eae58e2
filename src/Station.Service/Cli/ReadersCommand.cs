using System.CommandLine;
using System.Text;
using Station.Devices.SmartCards.Pcsc;

namespace Station.Service.Cli;

/// <summary><c>station readers [--json]</c>: the PC/SC readers, whether a card is in each, and its ATR.</summary>
public static class ReadersCommand
{
    public static Command Create()
    {
        var command = new Command("readers", "List the PC/SC readers (pcscd must run), whether a card is present, and its ATR.") { CommonOptions.Json };
        command.SetAction((parseResult, _) => ChipCommandRunner.RunAsync(async () =>
        {
            using var context = PcscContext.Establish();
            var names = context.ListReaders();
            var readers = names.Count == 0 ? [] : context.GetStatus(names).Select(ReaderView.From).ToList();
            await Console.Out.WriteAsync(parseResult.GetValue(CommonOptions.Json) ? CliJson.Write(readers) : Text(readers));
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <exception cref="ChipCommandException">pcscd does not list the reader (bad input; the message lists the readers there are).</exception>
    internal static void RequireReader(PcscContext context, string reader)
    {
        var names = context.ListReaders();
        if (!names.Contains(reader, StringComparer.Ordinal))
            throw ChipCommandException.BadInput($"--reader: no reader '{reader}'; readers: {(names.Count == 0 ? "none" : string.Join(", ", names.Select(n => $"'{n}'")))}.");
    }

    private static string Text(IReadOnlyList<ReaderView> readers)
    {
        if (readers.Count == 0)
            return "No PC/SC reader is connected.\n";
        var text = new StringBuilder();
        foreach (var reader in readers)
            text.AppendLine($"{reader.Name}: {(reader.CardPresent ? $"card present, ATR {reader.Atr}" : reader.Mute ? "card mute" : "no card")}");
        return text.ToString();
    }
}

/// <summary>One reader of <c>station readers --json</c>: its name, whether a card is in it (and mute), and the ATR in hex.</summary>
public sealed record ReaderView(string Name, bool CardPresent, bool Mute, string? Atr)
{
    public static ReaderView From(ReaderStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return new(status.Reader, status.CardPresent, status.Mute, status.Atr.Length > 0 ? Convert.ToHexString(status.Atr) : null);
    }
}
