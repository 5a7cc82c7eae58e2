namespace Station.Personalization.Biometrics;

/// <summary>ISO/IEC 19794-5 image data type (compression of the face image).</summary>
public enum FaceImageDataType : byte { Jpeg = 0, Jpeg2000 = 1 }
