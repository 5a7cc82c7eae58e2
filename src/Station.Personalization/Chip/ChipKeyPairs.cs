namespace Station.Personalization.Chip;

/// <summary>
/// One card's freshly generated keys: the public halves for DG14 (chip authentication) and DG15 (active
/// authentication) as SubjectPublicKeyInfo, and the private halves for the encode step only.
/// </summary>
public sealed record ChipKeyPairs(byte[] ChipAuthenticationPublicKey, byte[] ActiveAuthenticationPublicKey, ChipSecrets Secrets);
