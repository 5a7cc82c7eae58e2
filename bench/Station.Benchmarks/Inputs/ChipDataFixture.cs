using Station.Personalization.Pki;
using Station.Personalization.Profiles;
using Station.Personalization.Signing;

namespace Station.Benchmarks.Inputs;

/// <summary>
/// What the chip-data benchmarks share: the sample card, the embedded profiles, a software Document Signer and a
/// SoftHSM2 token holding a second DS key, all on the sample's date of issue.
/// </summary>
internal sealed class ChipDataFixture : IDisposable
{
    public ChipDataFixture()
    {
        Card = new SampleCard(Profiles, Clock);
        var pki = TestPkiFactory.CreateSoftware(Clock.GetUtcNow());
        // The file signer's development-only warning is expected in a benchmark and not shown.
        SoftwareSigner = FileDocumentSigner.FromPem(pki.DocumentSignerKeyPem!, pki.DocumentSigner.ExportCertificatePem(), _ => { });
        Token = new SoftHsmToken(Clock.GetUtcNow());
    }

    public ProfileRegistry Profiles { get; } = ProfileRegistry.Load();
    public TimeProvider Clock { get; } = FixedClock.IssueDay;
    public SampleCard Card { get; }
    public FileDocumentSigner SoftwareSigner { get; }
    public SoftHsmToken Token { get; }

    public void Dispose()
    {
        SoftwareSigner.Dispose();
        Token.Dispose();
    }
}
