namespace Station.Personalization.Biometrics;

/// <summary>ISO/IEC 19794-4:2005 image compression algorithm codes.</summary>
public enum FingerImageCompression : byte { Uncompressed = 0, BitPacked = 1, Wsq = 2, Jpeg = 3, Jpeg2000 = 4, Png = 5 }
