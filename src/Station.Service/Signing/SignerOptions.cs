namespace Station.Service.Signing;

/// <summary>Options of section <c>Signer</c>: the Document Signer and the CSCA that the verify step trusts.</summary>
public sealed class SignerOptions
{
    public const string Section = "Signer";

    public SignerKind Kind { get; set; } = SignerKind.Development;

    /// <summary>The DS certificate (PEM or DER); required for <c>File</c> and <c>Pkcs11</c>.</summary>
    public string? CertificateFile { get; set; }

    /// <summary>The CSCA certificate the station verifies every written chip against; required for <c>File</c> and <c>Pkcs11</c>.</summary>
    public string? CscaFile { get; set; }

    /// <summary>PKCS#8 PEM private key, for <c>File</c>.</summary>
    public string? KeyFile { get; set; }

    /// <summary>Path of the PKCS#11 module, e.g. <c>/usr/lib/softhsm/libsofthsm2.so</c>.</summary>
    public string? Pkcs11Module { get; set; }

    public string? TokenLabel { get; set; }

    public string? KeyLabel { get; set; }

    /// <summary>The systemd credential (<c>LoadCredential=</c> in systemd/station.service) that holds the PIN.</summary>
    public const string PinCredentialName = "signer-pin";

    /// <summary>File holding the user PIN; empty means the systemd credential <c>$CREDENTIALS_DIRECTORY/signer-pin</c>.</summary>
    public string? PinFile { get; set; }
}
