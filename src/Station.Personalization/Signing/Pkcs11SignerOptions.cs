namespace Station.Personalization.Signing;

/// <summary>Where the Document Signer key lives: the PKCS#11 module, the token's label, the key's label, and a file
/// holding the user PIN (a plain file or a systemd credential under <c>$CREDENTIALS_DIRECTORY</c>).</summary>
public sealed record Pkcs11SignerOptions(string ModulePath, string TokenLabel, string KeyLabel, string PinFile)
{
    public string Description => $"pkcs11:token={TokenLabel};object={KeyLabel}";
}
