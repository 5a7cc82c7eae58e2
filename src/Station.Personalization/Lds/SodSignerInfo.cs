namespace Station.Personalization.Lds;

/// <summary>
/// The one SignerInfo of an SOD, as encoded: what passive authentication needs to check the signature itself
/// (the signed attributes re-tagged as a SET, as they are hashed; the algorithms with their parameters).
/// </summary>
public sealed record SodSignerInfo
{
    public required string DigestAlgorithmOid { get; init; }
    /// <summary>DER of the signed attributes with the SET tag <c>31</c>: the bytes the signature covers.</summary>
    public required byte[] SignedAttributes { get; init; }
    /// <summary>The messageDigest attribute's value.</summary>
    public required byte[] MessageDigest { get; init; }
    /// <summary>The contentType attribute's value.</summary>
    public required string ContentType { get; init; }
    /// <summary>The signingTime attribute, when present.</summary>
    public DateTimeOffset? SigningTime { get; init; }
    public required string SignatureAlgorithmOid { get; init; }
    /// <summary>Encoded signature algorithm parameters (RSASSA-PSS params, NULL), or null when absent.</summary>
    public byte[]? SignatureAlgorithmParameters { get; init; }
    public required byte[] Signature { get; init; }
    /// <summary>Serial number of the signer's certificate (IssuerAndSerialNumber), or null for a subject key identifier.</summary>
    public byte[]? SerialNumber { get; init; }
    /// <summary>Subject key identifier of the signer's certificate, when the SID is one.</summary>
    public byte[]? SubjectKeyIdentifier { get; init; }
}
