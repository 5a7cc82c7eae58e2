using Station.Personalization.Pki;
using Station.Personalization.Signing;

namespace Station.Personalization.Tests.TestSupport;

/// <summary>A test PKI with a software DS key, made once per test class.</summary>
public sealed class SoftwarePki : IDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    public SoftwarePki()
    {
        Pki = TestPkiFactory.CreateSoftware(Now);
        Signer = FileDocumentSigner.FromPem(Pki.DocumentSignerKeyPem!, Pki.DocumentSigner.ExportCertificatePem(), Warnings.Add);
    }

    public TestPki Pki { get; }
    public FileDocumentSigner Signer { get; }
    public List<string> Warnings { get; } = [];

    public void Dispose() => Signer.Dispose();
}
