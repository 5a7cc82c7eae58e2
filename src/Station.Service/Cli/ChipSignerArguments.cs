using System.CommandLine;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Station.Personalization.Pki;
using Station.Personalization.Signing;
using Station.Service.Signing;

namespace Station.Service.Cli;

/// <summary>
/// How <c>station chip build</c> finds its Document Signer and CSCA: a key file (<c>--signer-key</c>), a PKCS#11 token,
/// a folder made by <c>station pki init</c> (<c>--pki</c>), or by default the development PKI in <c>pki/</c> beside the output folder.
/// </summary>
public sealed class ChipSignerArguments
{
    private readonly PkiTokenOptions _token = new();

    public Option<string?> SignerKey { get; } = new("--signer-key") { Description = "Document Signer private key (PKCS#8 PEM, development only); needs --signer-cert." };
    public Option<string?> SignerCert { get; } = new("--signer-cert") { Description = "Document Signer certificate (PEM or DER), with --signer-key or a PKCS#11 key." };
    public Option<string?> Pki { get; } = new("--pki") { Description = "Folder made by 'station pki init' (csca.pem, ds.pem, ds.key)." };
    public Option<string?> Csca { get; } = new("--csca") { Description = "CSCA certificate the built chip data is verified against before anything is written." };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(SignerKey);
        command.Options.Add(SignerCert);
        _token.AddTo(command);
        command.Options.Add(Pki);
        command.Options.Add(Csca);
    }

    /// <summary>Opens the signer the options name (a token is opened and logged in now, so a refusing signer fails before any work).</summary>
    /// <param name="parseResult">The parsed command line.</param>
    /// <param name="outputDirectory">The output folder; the development PKI lives in <c>pki/</c> beside it.</param>
    /// <param name="warn">Receives the development-key warnings.</param>
    /// <exception cref="ChipCommandException">Options are missing, mixed or name missing files (bad input).</exception>
    /// <exception cref="SignerUnavailableException">The key or token cannot be used.</exception>
    public ChipSigner Open(ParseResult parseResult, string outputDirectory, Action<string> warn)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var key = parseResult.GetValue(SignerKey);
        var certificate = parseResult.GetValue(SignerCert);
        var pki = parseResult.GetValue(Pki);
        var csca = parseResult.GetValue(Csca);
        var kinds = new[] { key is not null, _token.Given(parseResult), pki is not null }.Count(given => given);
        if (kinds > 1)
            throw ChipCommandException.BadInput("Give one signer: --signer-key with --signer-cert, or --pkcs11-module with its options and --signer-cert, or --pki.");

        if (key is not null)
        {
            var cert = RequireFile(certificate, SignerCert.Name, "--signer-key needs the Document Signer certificate");
            var signer = FileDocumentSigner.FromFiles(RequireFile(key, SignerKey.Name, ""), cert, warn);
            return new ChipSigner(signer, signer.Description, OptionalCsca(csca));
        }

        if (_token.Given(parseResult))
        {
            var cert = RequireFile(certificate, SignerCert.Name, "a PKCS#11 signer needs the Document Signer certificate");
            var signer = Pkcs11DocumentSigner.FromCertificateFile(_token.Read(parseResult), cert);
            return new ChipSigner(signer, signer.Description, OptionalCsca(csca));
        }

        string directory;
        if (pki is not null)
        {
            directory = Path.GetFullPath(pki);
            if (!File.Exists(Path.Combine(directory, TestPki.DocumentSignerKeyFileName)))
                throw ChipCommandException.BadInput($"--pki: {directory} has no {TestPki.DocumentSignerKeyFileName}; a PKI whose key is in a token is used with --pkcs11-module, --token, --pin-file and --signer-cert.");
        }
        else
        {
            // Development default: one PKI shared by every output folder made side by side, so they verify against one CSCA.
            var parent = Path.GetDirectoryName(Path.GetFullPath(outputDirectory))!;
            directory = DevelopmentPki.Ensure(parent, DateTimeOffset.UtcNow);
            warn($"No signer given: using the development PKI in {directory} (software key, test CSCA); cards signed with it are not valid documents.");
        }

        var fileSigner = FileDocumentSigner.FromFiles(Path.Combine(directory, TestPki.DocumentSignerKeyFileName), Path.Combine(directory, TestPki.DocumentSignerFileName), warn);
        return new ChipSigner(fileSigner, fileSigner.Description, OptionalCsca(csca ?? Path.Combine(directory, TestPki.CscaFileName)));
    }

    private static string RequireFile(string? path, string option, string why)
    {
        if (path is null)
            throw ChipCommandException.BadInput($"{option} is required: {why}.");
        return File.Exists(path) ? path : throw ChipCommandException.BadInput($"{option}: {path} does not exist.");
    }

    private static (X509Certificate2 Certificate, string Path)? OptionalCsca(string? path)
    {
        if (path is null)
            return null;
        try
        {
            return (X509CertificateLoader.LoadCertificateFromFile(path), Path.GetFullPath(path));
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw ChipCommandException.BadInput($"--csca: {path} cannot be read as a certificate: {e.Message}");
        }
    }
}

/// <summary>The opened Document Signer of one <c>chip build</c>, its description, and the CSCA to verify against (when known).</summary>
public sealed record ChipSigner(IDocumentSigner Signer, string Description, (X509Certificate2 Certificate, string Path)? Csca) : IDisposable
{
    public void Dispose() => (Signer as IDisposable)?.Dispose();
}
