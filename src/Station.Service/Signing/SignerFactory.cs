using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Station.Personalization.Pki;
using Station.Personalization.Signing;
using Station.Service.Pipeline;

namespace Station.Service.Signing;

/// <summary>Creates the configured Document Signer and the CSCA trust anchor.</summary>
public static class SignerFactory
{
    /// <exception cref="SignerUnavailableException">A certificate file named by the options cannot be read.</exception>
    public static SignerSetup Create(SignerOptions options, string dataDirectory, TimeProvider clock, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        void Warn(string message) => logger.LogWarning("{Warning}", message);
        switch (options.Kind)
        {
            case SignerKind.Development:
            {
                var directory = DevelopmentPki.Ensure(dataDirectory, clock.GetUtcNow());
                var key = Path.Combine(directory, TestPki.DocumentSignerKeyFileName);
                var certificate = Path.Combine(directory, TestPki.DocumentSignerFileName);
                Warn($"Document signer: development PKI in {directory} (software key, test CSCA). Cards signed with it are not valid documents.");
                return new SignerSetup(new ConfiguredDocumentSigner(() => FileDocumentSigner.FromFiles(key, certificate, Warn), LoadCertificate(certificate, "Signer DS certificate"), $"development:{directory}"),
                    new TrustAnchor(LoadCertificate(Path.Combine(directory, TestPki.CscaFileName), "development CSCA")));
            }

            case SignerKind.File:
                return new SignerSetup(new ConfiguredDocumentSigner(() => FileDocumentSigner.FromFiles(options.KeyFile!, options.CertificateFile!, Warn), LoadCertificate(options.CertificateFile!, "Signer:CertificateFile"), $"file:{options.KeyFile}"),
                    new TrustAnchor(LoadCertificate(options.CscaFile!, "Signer:CscaFile")));

            case SignerKind.Pkcs11:
            {
                var pinFile = string.IsNullOrWhiteSpace(options.PinFile)
                    ? Path.Combine(Environment.GetEnvironmentVariable("CREDENTIALS_DIRECTORY") ?? "", SignerOptions.PinCredentialName)
                    : options.PinFile;
                var token = new Pkcs11SignerOptions(options.Pkcs11Module!, options.TokenLabel!, options.KeyLabel!, pinFile);
                var certificate = LoadCertificate(options.CertificateFile!, "Signer:CertificateFile");
                return new SignerSetup(new ConfiguredDocumentSigner(() => new Pkcs11DocumentSigner(token, certificate), certificate, token.Description),
                    new TrustAnchor(LoadCertificate(options.CscaFile!, "Signer:CscaFile")));
            }

            default:
                throw new SignerUnavailableException($"Signer:Kind '{options.Kind}' is not supported.");
        }
    }

    private static X509Certificate2 LoadCertificate(string path, string what)
    {
        try
        {
            return X509CertificateLoader.LoadCertificateFromFile(path);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new SignerUnavailableException($"{what} '{path}' cannot be read: {e.Message}", e);
        }
    }
}
