namespace Station.Personalization.Chip;

/// <summary>
/// Per-card private keys that only the encode step may use (PKCS#8 DER). They are never persisted:
/// the pipeline keeps them in memory for the job and drops them once the job has ended.
/// </summary>
public sealed record ChipSecrets(byte[] ChipAuthenticationPrivateKey, byte[] ActiveAuthenticationPrivateKey);
