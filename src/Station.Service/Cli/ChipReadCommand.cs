using System.CommandLine;
using System.Security.Cryptography;
using System.Text;
using Station.Devices.SmartCards.Pcsc;
using Station.Personalization.Inspection;
using Station.Personalization.Verification;

namespace Station.Service.Cli;

/// <summary>
/// <c>station chip read --reader NAME (--mrz DOCNO,YYMMDD,YYMMDD | --plain) [--out DIR] [--csca FILE]</c>: reads EF.COM,
/// every data group it lists and EF.SOD as an inspection system does, runs passive authentication and prints the report.
/// </summary>
public static class ChipReadCommand
{
    public static Command Create()
    {
        var reader = new Option<string>("--reader") { Description = "PC/SC reader name as 'station readers' lists it.", Required = true };
        var mrz = new Option<string?>("--mrz") { Description = "BAC key: document number, date of birth and date of expiry, e.g. L898902C3,740812,120415." };
        var plain = new Option<bool>("--plain") { Description = "Read without BAC (an unlocked chip)." };
        var output = new Option<string?>("--out") { Description = "Folder to write the files read into (COM.bin, DG<n>.bin, SOD.bin)." };
        var csca = new Option<string?>("--csca") { Description = "CSCA certificate; without it the chain check is not performed." };
        var shortLe = new Option<bool>("--short-le") { Description = "Read with short Le (readers that pass extended Lc but not extended Le, e.g. vpcd)." };
        var command = new Command("read",
            "Read the chip in the reader (BAC with --mrz, plain with --plain): EF.COM, every readable DG and EF.SOD; " +
            "print the passive-authentication report. Exit 0 only when the read worked and every performed check passed.")
        { reader, mrz, plain, output, csca, shortLe };
        command.SetAction((parseResult, cancellationToken) => ChipCommandRunner.RunAsync(async () =>
        {
            var mrzValue = parseResult.GetValue(mrz);
            if ((mrzValue is null) == !parseResult.GetValue(plain))
                throw ChipCommandException.BadInput("Give exactly one of --mrz DOCNO,YYMMDD,YYMMDD (BAC) and --plain.");
            var mrzInformation = mrzValue is null ? null : ChipMrzKey.Parse(mrzValue);
            var anchor = ChipVerifyCommand.LoadCsca(parseResult.GetValue(csca));

            using var context = PcscContext.Establish();
            var readerName = parseResult.GetValue(reader)!;
            ReadersCommand.RequireReader(context, readerName);
            ChipReadResult result;
            await using (var card = context.Connect(readerName, PcscShareMode.Shared, extendedLe: !parseResult.GetValue(shortLe)))
            {
                try
                {
                    result = await new ChipReader(RandomNumberGenerator.Create()).ReadAsync(card, mrzInformation, cancellationToken);
                }
                catch (Exception e) when (e is Personalization.Apdu.ApduException or Personalization.SecureMessaging.SecureMessagingException or Personalization.Apdu.CardTransportException)
                {
                    throw new ChipCommandException($"Reading the chip in '{readerName}' failed: {e.Message}");
                }
            }

            var text = new StringBuilder();
            text.AppendLine($"Read {(result.SecureMessaging ? "with BAC" : "plainly")} from '{readerName}':");
            foreach (var file in result.Files)
                text.AppendLine($"  {file.Name,-5} {file.Content.Length,6} bytes");
            foreach (var (name, why) in result.Unreadable)
                text.AppendLine($"  {name,-5} not readable: {why}");
            if (parseResult.GetValue(output) is { } outDirectory)
            {
                ChipFolder.WriteRead(outDirectory, result.Files);
                text.AppendLine($"Files written to {Path.GetFullPath(outDirectory)}");
            }

            var report = new PassiveAuthenticator().Verify(result.DataGroups, result.Sod ?? [], anchor, DateTimeOffset.UtcNow);
            text.Append(ChipReportPrinter.Format(report));
            await Console.Out.WriteAsync(text.ToString());
            return report.NoneFailed ? ExitCodes.Success : ExitCodes.Failure;
        }));
        return command;
    }
}
