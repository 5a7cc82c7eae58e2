using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Station.Devices.Tests.SmartCards;

/// <summary>A throwaway self-signed certificate standing in for the CSCA (the hash-checking PA double does not use it).</summary>
internal static class TestCsca
{
    public static X509Certificate2 Create()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Test CSCA, C=VN", key, HashAlgorithmName.SHA256);
        return request.CreateSelfSigned(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2036, 1, 1, 0, 0, 0, TimeSpan.Zero));
    }
}
