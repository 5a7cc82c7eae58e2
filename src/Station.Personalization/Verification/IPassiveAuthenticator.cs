using System.Security.Cryptography.X509Certificates;

namespace Station.Personalization.Verification;

/// <summary>
/// Passive authentication (Doc 9303 Part 11 §5.1): the SOD signature, the Document Signer certificate's
/// validity and chain to the CSCA, the hash of every data group present, and DG1's check digits.
/// </summary>
public interface IPassiveAuthenticator
{
    /// <param name="dataGroups">Complete DG files (tag and length included) by data-group number.</param>
    /// <param name="sod">Complete EF.SOD (tag <c>77</c> included).</param>
    /// <param name="csca">Trust anchor; null means the chain check is reported as not performed.</param>
    /// <param name="at">The time at which validity is judged.</param>
    PassiveAuthenticationReport Verify(IReadOnlyDictionary<int, byte[]> dataGroups, byte[] sod, X509Certificate2? csca, DateTimeOffset at);
}
