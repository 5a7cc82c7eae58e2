using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Station.Service.Center.Link;

namespace Station.Service.Tests.Center;

/// <summary>A broker certificate issued by an intermediate CA, checked against the root the station trusts.</summary>
public sealed class BrokerChainTests : IDisposable
{
    private readonly X509Certificate2 _root;
    private readonly X509Certificate2 _intermediate;
    private readonly X509Certificate2 _broker;

    public BrokerChainTests()
    {
        using var rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        _root = Ca("CN=Center Root", rootKey).CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        using var intermediateKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using (var issued = Ca("CN=Center Issuing CA", intermediateKey).Create(_root, DateTimeOffset.UtcNow.AddHours(-2), DateTimeOffset.UtcNow.AddDays(20), [1]))
        {
            _intermediate = issued.CopyWithPrivateKey(intermediateKey);
        }

        using var brokerKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", brokerKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        _broker = request.Create(_intermediate, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(7), [2]);
    }

    [Fact]
    public void TheIntermediatesTheBrokerPresentsCompleteTheChainToTheTrustedRoot()
    {
        using var presented = new X509Chain();
        presented.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        presented.ChainPolicy.CustomTrustStore.Add(_root);
        presented.ChainPolicy.ExtraStore.Add(_intermediate);
        presented.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        Assert.True(presented.Build(_broker)); // what TLS hands the handler: the broker's certificate and its intermediate

        Assert.True(CenterClientOptions.ValidateAgainstCa(_broker, presented, SslPolicyErrors.RemoteCertificateChainErrors, [_root]));
        // Without the presented intermediate the chain cannot reach the root.
        Assert.False(CenterClientOptions.ValidateAgainstCa(_broker, null, SslPolicyErrors.RemoteCertificateChainErrors, [_root]));
        // The presented certificates only help build the chain: trust still needs the configured CA.
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = Ca("CN=Other Root", otherKey).CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        Assert.False(CenterClientOptions.ValidateAgainstCa(_broker, presented, SslPolicyErrors.RemoteCertificateChainErrors, [other]));
    }

    private static CertificateRequest Ca(string subject, ECDsa key)
    {
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        return request;
    }

    public void Dispose()
    {
        _root.Dispose();
        _intermediate.Dispose();
        _broker.Dispose();
    }
}
