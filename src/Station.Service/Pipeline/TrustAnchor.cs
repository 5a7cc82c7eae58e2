using System.Security.Cryptography.X509Certificates;

namespace Station.Service.Pipeline;

/// <summary>The CSCA certificate the verify step checks each written chip against.</summary>
public sealed record TrustAnchor(X509Certificate2 Csca);
