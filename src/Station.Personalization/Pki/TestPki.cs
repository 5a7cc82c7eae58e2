using System.Security.Cryptography.X509Certificates;

namespace Station.Personalization.Pki;

/// <summary>
/// A test CSCA (with its private key) and a Document Signer certificate it issued. <see cref="DocumentSignerKeyPem"/>
/// is the PKCS#8 PEM of a software DS key, or null when the key was generated inside a PKCS#11 token.
/// </summary>
public sealed record TestPki(X509Certificate2 Csca, X509Certificate2 DocumentSigner, string? DocumentSignerKeyPem)
{
    public const string CscaFileName = "csca.pem", DocumentSignerFileName = "ds.pem", DocumentSignerKeyFileName = "ds.key";

    /// <summary>
    /// Writes <c>csca.pem</c>, <c>ds.pem</c> and, for a software key, <c>ds.key</c> (owner read/write only) into
    /// <paramref name="directory"/>; returns the paths written. The CSCA's private key is not written: a test PKI issues its DS once.
    /// </summary>
    public IReadOnlyList<string> WriteTo(string directory)
    {
        Directory.CreateDirectory(directory);
        var written = new List<string>
        {
            Write(directory, CscaFileName, Csca.ExportCertificatePem()),
            Write(directory, DocumentSignerFileName, DocumentSigner.ExportCertificatePem()),
        };
        if (DocumentSignerKeyPem is not null)
            written.Add(Write(directory, DocumentSignerKeyFileName, DocumentSignerKeyPem, UnixFileMode.UserRead | UnixFileMode.UserWrite));
        return written;
    }

    private static string Write(string directory, string name, string pem, UnixFileMode? mode = null)
    {
        string path = Path.Combine(directory, name);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (mode is { } unixMode && !OperatingSystem.IsWindows()) options.UnixCreateMode = unixMode;
        using (var stream = new FileStream(path, options))
        using (var writer = new StreamWriter(stream))
            writer.Write(pem);
        return path;
    }
}
