using System.Security.Cryptography;

namespace Station.Personalization.Pki;

/// <summary>What the test PKI looks like: the country (two-letter, for <c>C=</c>), names, curve and validity periods.</summary>
public sealed record TestPkiOptions
{
    public string Country { get; init; } = "VN";
    public string Organization { get; init; } = "Station Test PKI";
    public string CscaCommonName { get; init; } = "Station Test CSCA";
    public string DocumentSignerCommonName { get; init; } = "Station Test Document Signer";
    /// <summary>Curve of both keys; brainpoolP256r1 by default (the profile's curve).</summary>
    public ECCurve Curve { get; init; } = ECCurve.NamedCurves.brainpoolP256r1;
    public TimeSpan CscaValidity { get; init; } = TimeSpan.FromDays(365 * 15);
    public TimeSpan DocumentSignerValidity { get; init; } = TimeSpan.FromDays(365 * 11);
}
