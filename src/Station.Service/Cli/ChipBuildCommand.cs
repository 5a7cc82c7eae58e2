using System.CommandLine;
using System.Globalization;
using System.Text;
using Station.Personalization.Applicants;
using Station.Personalization.Chip;
using Station.Personalization.Profiles;
using Station.Personalization.Verification;

namespace Station.Service.Cli;

/// <summary>
/// <c>station chip build APPLICANT.json --out DIR ...</c>: validates the applicant as intake does, builds and signs the chip
/// data, verifies it, and writes the chip files and <c>chip.json</c> into DIR all at once (or not at all).
/// </summary>
public static class ChipBuildCommand
{
    public static Command Create()
    {
        var applicantFile = new Argument<FileInfo>("APPLICANT") { Description = "Applicant document (JSON, see docs/applicant.md)." };
        var output = new Option<string>("--out") { Description = "Folder to create with the chip files (must not exist or be empty).", Required = true };
        var photo = new Option<string?>("--photo") { Description = "Portrait JPEG (default: the applicant's photo, else the simulated camera)." };
        var fingers = new Option<string?>("--fingers") { Description = "Folder with RightIndex.png and LeftIndex.png, 8-bit gray, 500 ppi (default: the applicant's fingerprints, else the simulated sensor)." };
        var signerArguments = new ChipSignerArguments();
        var command = new Command("build",
            "Build a card's signed chip data: COM.bin, DG1/2/3/13/14/15.bin, SOD.bin, CardAccess.bin and chip.json (MRZ, file sizes and SHA-256; no private keys). " +
            "Without a signer option the development PKI in pki/ beside --out is used (created on first use).")
        { applicantFile, output, photo, fingers };
        signerArguments.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => ChipCommandRunner.RunAsync(async () =>
        {
            var file = parseResult.GetValue(applicantFile)!;
            if (!file.Exists)
                throw ChipCommandException.BadInput($"APPLICANT: {file.FullName} does not exist.");
            var profiles = ProfileRegistry.Load();
            var intake = new ApplicantIntake(profiles, TimeProvider.System).Validate(await File.ReadAllTextAsync(file.FullName, cancellationToken));
            if (!intake.IsValid)
            {
                foreach (var error in intake.Errors)
                    await Console.Error.WriteLineAsync(error.ToString());
                return ExitCodes.BadInput;
            }

            var outDirectory = Path.GetFullPath(parseResult.GetValue(output)!);
            var biometrics = await ChipBiometrics.GatherAsync(intake.Applicant!, parseResult.GetValue(photo), parseResult.GetValue(fingers), cancellationToken);
            using var signer = signerArguments.Open(parseResult, outDirectory, message => Console.Error.WriteLine("warning: " + message));
            var image = new ChipDataBuilder(profiles, signer.Signer, new ChipKeyFactory(), TimeProvider.System).Build(intake.Applicant!, biometrics);
            var report = SelfCheck(image, signer);
            if (!report.NoneFailed)
                throw new ChipCommandException($"The built chip data does not pass passive authentication; nothing written.\n{ChipReportPrinter.Format(report)}");

            ChipSummary? summary = null;
            ChipFolder.WriteAtomically(outDirectory, staging =>
                summary = ChipFolder.Write(staging, image, signer.Description, signer.Signer.Certificate.Subject, signer.Csca?.Path));
            await Console.Out.WriteAsync(Describe(outDirectory, summary!, signer));
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>Passive authentication of what was just built, so a wrong certificate or CSCA is caught before anything is written.</summary>
    private static PassiveAuthenticationReport SelfCheck(ChipImage image, ChipSigner signer)
    {
        var dataGroups = image.Files.Where(f => f.Name.StartsWith("DG", StringComparison.Ordinal))
            .ToDictionary(f => int.Parse(f.Name.AsSpan(2), CultureInfo.InvariantCulture), f => f.Content);
        return new PassiveAuthenticator().Verify(dataGroups, image.File("SOD").Content, signer.Csca?.Certificate, DateTimeOffset.UtcNow);
    }

    private static string Describe(string directory, ChipSummary summary, ChipSigner signer)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Chip data for profile {summary.Profile} written to {directory}");
        foreach (var line in summary.MrzLines)
            text.Append("  ").AppendLine(line);
        foreach (var file in summary.Files)
            text.AppendLine(CultureInfo.InvariantCulture, $"  {file.FileName,-15} {file.Size,6} bytes  SHA-256 {file.Sha256}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Signed by {signer.Description} ({summary.DocumentSignerSubject})");
        text.AppendLine(signer.Csca is { } csca
            ? $"Verified against the CSCA {csca.Path}"
            : "No CSCA given: the chain to a CSCA was not checked (give --csca).");
        return text.ToString();
    }
}
