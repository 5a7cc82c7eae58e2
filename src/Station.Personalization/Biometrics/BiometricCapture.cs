namespace Station.Personalization.Biometrics;

/// <summary>What the capture step hands to chip-data preparation: the portrait (JPEG) and the finger images.</summary>
public sealed record BiometricCapture(byte[] FaceJpeg, IReadOnlyList<FingerImage> Fingers);
