namespace Station.Personalization.Signing;

/// <summary>The signer cannot sign now; <see cref="Exception.Message"/> names what to check (module path, token label, PIN, key label).</summary>
public sealed class SignerUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
