namespace Station.Personalization.Biometrics;

/// <summary>ISO/IEC 19794-5 face image type.</summary>
public enum FaceImageType : byte { Basic = 0, FullFrontal = 1, TokenFrontal = 2 }
