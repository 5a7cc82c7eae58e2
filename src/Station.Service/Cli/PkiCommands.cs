using System.CommandLine;
using System.Text;
using Station.Personalization.Pki;

namespace Station.Service.Cli;

/// <summary><c>station pki init --out DIR [--pkcs11-module PATH --token LABEL --pin-file FILE [--key-label DS]]</c>.</summary>
public static class PkiCommands
{
    public static Command Create()
    {
        var pki = new Command("pki", "Test PKI for development and the test bed (never for real cards).");
        pki.Subcommands.Add(Init());
        return pki;
    }

    private static Command Init()
    {
        var output = new Option<string>("--out") { Description = "Folder to write csca.pem, ds.pem (and ds.key for a software key) into.", Required = true };
        var token = new PkiTokenOptions();
        var command = new Command("init",
            "Create a test CSCA and a Document Signer certificate it issued. The DS key is software (ds.key) or, with " +
            "--pkcs11-module, generated inside the token (sensitive, non-extractable). The CSCA's private key is not kept.")
        { output };
        token.AddTo(command);
        command.SetAction((parseResult, _) => ChipCommandRunner.RunAsync(async () =>
        {
            var directory = Path.GetFullPath(parseResult.GetValue(output)!);
            if (File.Exists(Path.Combine(directory, TestPki.CscaFileName)))
                throw ChipCommandException.BadInput($"--out: {directory} already holds {TestPki.CscaFileName}; choose another folder or delete it first.");
            var tokenOptions = token.Given(parseResult) ? token.Read(parseResult) : null;
            var now = DateTimeOffset.UtcNow;
            var pkiMade = tokenOptions is null ? TestPkiFactory.CreateSoftware(now) : TestPkiFactory.CreateWithTokenKey(now, tokenOptions);
            var written = pkiMade.WriteTo(directory);

            var text = new StringBuilder();
            foreach (var path in written)
                text.Append("wrote ").AppendLine(path);
            text.AppendLine(tokenOptions is null
                ? "Document Signer key: software, in ds.key (development only)."
                : $"Document Signer key: generated in the token ({tokenOptions.Description}), non-extractable.");
            text.AppendLine("Signer settings for station.json:");
            text.Append(CliJson.Write(new Dictionary<string, object> { ["Signer"] = SignerSettings(directory, tokenOptions) }));
            await Console.Out.WriteAsync(text.ToString());
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Dictionary<string, string> SignerSettings(string directory, Personalization.Signing.Pkcs11SignerOptions? token)
    {
        var settings = new Dictionary<string, string>
        {
            ["Kind"] = token is null ? "File" : "Pkcs11",
            ["CertificateFile"] = Path.Combine(directory, TestPki.DocumentSignerFileName),
            ["CscaFile"] = Path.Combine(directory, TestPki.CscaFileName),
        };
        if (token is null)
        {
            settings["KeyFile"] = Path.Combine(directory, TestPki.DocumentSignerKeyFileName);
        }
        else
        {
            settings["Pkcs11Module"] = token.ModulePath;
            settings["TokenLabel"] = token.TokenLabel;
            settings["KeyLabel"] = token.KeyLabel;
            settings["PinFile"] = Path.GetFullPath(token.PinFile);
        }
        return settings;
    }
}
