namespace Station.Service.Signing;

/// <summary>Where the Document Signer key lives.</summary>
public enum SignerKind
{
    /// <summary>A software key and test CSCA made once in <c>{data-dir}/pki</c>: for demos and development only.</summary>
    Development,

    /// <summary>A PKCS#8 key file: development only, warned at every start.</summary>
    File,

    /// <summary>A key inside a PKCS#11 token (production).</summary>
    Pkcs11,
}
