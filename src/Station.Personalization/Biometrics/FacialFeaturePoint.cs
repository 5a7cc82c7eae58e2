namespace Station.Personalization.Biometrics;

/// <summary>One ISO/IEC 19794-5 feature point: type, MPEG-4 major/minor code, and pixel position.</summary>
public sealed record FacialFeaturePoint(byte Type, byte MajorCode, byte MinorCode, ushort X, ushort Y);
