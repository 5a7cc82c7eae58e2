using System.CommandLine;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Station.Personalization.Verification;

namespace Station.Service.Cli;

/// <summary>
/// <c>station chip verify DIR [--csca FILE]</c>: passive authentication of the DG*.bin and SOD.bin in DIR. Exit 0 only when
/// every performed check passed; without <c>--csca</c> the chain check is reported as not performed and does not fail the run.
/// </summary>
public static class ChipVerifyCommand
{
    public static Command Create()
    {
        var directory = new Argument<string>("DIR") { Description = "Folder with the chip files (as 'station chip build' or 'station chip read' writes them), or a .zip of them (as the simulated encoder keeps each chip it locked)." };
        var csca = new Option<string?>("--csca") { Description = "CSCA certificate (PEM or DER); without it the chain check is not performed." };
        var command = new Command("verify",
            "Passive authentication of the files in DIR: SOD structure, message digest and signature, DS certificate validity " +
            "and chain to the CSCA, the hash of every DG, DG1's check digits. Exit 0 only when every performed check passed, 1 when one failed.")
        { directory, csca };
        command.SetAction((parseResult, _) => ChipCommandRunner.RunAsync(async () =>
        {
            var files = ChipFiles.Open(Path.GetFullPath(parseResult.GetValue(directory)!));
            var sod = ChipFolder.ReadRequired(files, ChipFolder.SodFileName);
            var anchor = LoadCsca(parseResult.GetValue(csca));
            var report = new PassiveAuthenticator().Verify(ChipFolder.ReadDataGroups(files), sod, anchor, DateTimeOffset.UtcNow);
            await Console.Out.WriteAsync(ChipReportPrinter.Format(report));
            return report.NoneFailed ? ExitCodes.Success : ExitCodes.Failure;
        }));
        return command;
    }

    /// <exception cref="ChipCommandException">The file is missing or not a certificate (bad input).</exception>
    internal static X509Certificate2? LoadCsca(string? path)
    {
        if (path is null)
            return null;
        if (!File.Exists(path))
            throw ChipCommandException.BadInput($"--csca: {path} does not exist.");
        try
        {
            return X509CertificateLoader.LoadCertificateFromFile(path);
        }
        catch (CryptographicException e)
        {
            throw ChipCommandException.BadInput($"--csca: {path} is not a certificate: {e.Message}");
        }
    }
}
