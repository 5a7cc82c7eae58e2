using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Station.Personalization.Lds;
using Station.Personalization.Signing;

namespace Station.Personalization.Verification;

/// <summary>
/// Passive authentication (Doc 9303 Part 11 §5.1) of chip data from any issuer: SOD structure, messageDigest,
/// signature, DS certificate validity and chain to the CSCA, every DG hash, and DG1's check digits. Each check is
/// reported; one that cannot be made (no CSCA, DG not read) is <see cref="CheckOutcome.NotPerformed"/>.
/// </summary>
public sealed class PassiveAuthenticator : IPassiveAuthenticator
{
    public PassiveAuthenticationReport Verify(IReadOnlyDictionary<int, byte[]> dataGroups, byte[] sod, X509Certificate2? csca, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(dataGroups);
        ArgumentNullException.ThrowIfNull(sod);
        var checks = new List<CheckResult>();

        SodFile file;
        try
        {
            file = SodFile.Decode(sod);
            if (file.EContentType != LdsSecurityObject.ContentType)
                throw new FormatException($"eContentType {file.EContentType} is not id-icao-mrtd-security-ldsSecurityObject.");
            if (file.SignerInfo.ContentType != file.EContentType)
                throw new FormatException($"the contentType attribute {file.SignerInfo.ContentType} differs from eContentType.");
            checks.Add(Passed("SOD structure", $"SignedData v{file.SignedDataVersion}, LDSSecurityObject v{file.SecurityObject.Version}, {file.SecurityObject.HashAlgorithm.Name}"));
        }
        catch (FormatException e)
        {
            checks.Add(Failed("SOD structure", e.Message));
            return new PassiveAuthenticationReport(checks);
        }

        checks.Add(CheckMessageDigest(file));
        var certificate = file.DocumentSignerCertificate;
        if (certificate is null)
        {
            checks.Add(Failed("SOD signature", "The SOD does not include the Document Signer certificate its SignerInfo names."));
            checks.Add(NotPerformed("DS certificate validity", "No DS certificate."));
            checks.Add(NotPerformed("DS certificate chain", "No DS certificate."));
        }
        else
        {
            checks.Add(CheckSignature(file, certificate));
            checks.Add(CheckValidity(certificate, at));
            checks.Add(CheckChain(certificate, csca, at));
        }
        checks.AddRange(CheckDataGroups(file.SecurityObject, dataGroups));
        checks.Add(CheckDg1(dataGroups));
        return new PassiveAuthenticationReport(checks);
    }

    private static CheckResult CheckMessageDigest(SodFile file)
    {
        try
        {
            var digest = HashAlgorithms.FromOid(file.SignerInfo.DigestAlgorithmOid);
            byte[] actual = HashAlgorithms.Hash(digest, file.EContent);
            return CryptographicOperations.FixedTimeEquals(actual, file.SignerInfo.MessageDigest)
                ? Passed("SOD message digest", $"{digest.Name} of the LDSSecurityObject equals the signed messageDigest.")
                : Failed("SOD message digest", $"{digest.Name} of the LDSSecurityObject is {Convert.ToHexString(actual)}, the signed messageDigest is {Convert.ToHexString(file.SignerInfo.MessageDigest)}.");
        }
        catch (FormatException e)
        {
            return Failed("SOD message digest", e.Message);
        }
    }

    private static CheckResult CheckSignature(SodFile file, X509Certificate2 certificate)
    {
        try
        {
            string? problem = SodSignatureVerifier.Verify(file.SignerInfo, certificate);
            return problem is null
                ? Passed("SOD signature", $"{file.SignerInfo.SignatureAlgorithmOid} over the signed attributes verifies with {certificate.Subject}.")
                : Failed("SOD signature", problem);
        }
        catch (Exception e) when (e is CryptographicException or FormatException or System.Formats.Asn1.AsnContentException)
        {
            return Failed("SOD signature", $"The signature cannot be checked: {e.Message}");
        }
    }

    private static CheckResult CheckValidity(X509Certificate2 certificate, DateTimeOffset at) =>
        at >= certificate.NotBefore.ToUniversalTime() && at <= certificate.NotAfter.ToUniversalTime()
            ? Passed("DS certificate validity", $"Valid at {at:u} ({certificate.NotBefore.ToUniversalTime():u} – {certificate.NotAfter.ToUniversalTime():u}).")
            : Failed("DS certificate validity", $"Not valid at {at:u}: valid {certificate.NotBefore.ToUniversalTime():u} – {certificate.NotAfter.ToUniversalTime():u}.");

    private static CheckResult CheckChain(X509Certificate2 certificate, X509Certificate2? csca, DateTimeOffset at)
    {
        if (csca is null)
            return NotPerformed("DS certificate chain", "No CSCA given.");
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(csca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true; // the station verifies offline
        chain.ChainPolicy.VerificationTime = at.UtcDateTime;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        try
        {
            if (chain.Build(certificate) && chain.ChainElements[^1].Certificate.RawDataMemory.Span.SequenceEqual(csca.RawDataMemory.Span))
                return Passed("DS certificate chain", $"Issued by {csca.Subject}.");
            string status = string.Join("; ", chain.ChainStatus.Select(s => $"{s.Status}: {s.StatusInformation.Trim()}"));
            return Failed("DS certificate chain", $"Does not chain to {csca.Subject}: {status}");
        }
        catch (CryptographicException e)
        {
            return Failed("DS certificate chain", $"The chain cannot be built: {e.Message}");
        }
    }

    private static IEnumerable<CheckResult> CheckDataGroups(LdsSecurityObject securityObject, IReadOnlyDictionary<int, byte[]> dataGroups)
    {
        foreach (var (number, expected) in securityObject.DataGroupHashes.OrderBy(p => p.Key))
        {
            string name = $"DG{number} hash";
            if (!dataGroups.TryGetValue(number, out byte[]? content))
            {
                yield return NotPerformed(name, $"DG{number} was not read.");
                continue;
            }
            byte[] actual = HashAlgorithms.Hash(securityObject.HashAlgorithm, content);
            yield return CryptographicOperations.FixedTimeEquals(actual, expected)
                ? Passed(name, $"{securityObject.HashAlgorithm.Name} matches the SOD.")
                : Failed(name, $"{securityObject.HashAlgorithm.Name} is {Convert.ToHexString(actual)}, the SOD says {Convert.ToHexString(expected)}.");
        }
        foreach (int number in dataGroups.Keys.Where(n => !securityObject.DataGroupHashes.ContainsKey(n)).Order())
            yield return NotPerformed($"DG{number} hash", $"DG{number} was read but the SOD holds no hash for it, so it is not authenticated.");
    }

    private static CheckResult CheckDg1(IReadOnlyDictionary<int, byte[]> dataGroups)
    {
        if (!dataGroups.TryGetValue(1, out byte[]? dg1))
            return NotPerformed("DG1 check digits", "DG1 was not read.");
        try
        {
            var failures = MrzCheckDigits.Failures(MrzCheckDigits.ReadMrz(dg1));
            return failures.Count == 0
                ? Passed("DG1 check digits", "Every MRZ check digit is right.")
                : Failed("DG1 check digits", "Wrong check digit: " + string.Join(", ", failures));
        }
        catch (FormatException e)
        {
            return Failed("DG1 check digits", e.Message);
        }
    }

    private static CheckResult Passed(string name, string detail) => new(name, CheckOutcome.Passed, detail);
    private static CheckResult Failed(string name, string detail) => new(name, CheckOutcome.Failed, detail);
    private static CheckResult NotPerformed(string name, string detail) => new(name, CheckOutcome.NotPerformed, detail);
}
