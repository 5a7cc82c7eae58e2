using Station.Service.Pipeline;

namespace Station.Service.Signing;

/// <summary>The configured Document Signer together with the CSCA its certificate chains to.</summary>
public sealed record SignerSetup(ConfiguredDocumentSigner Signer, TrustAnchor Csca);
