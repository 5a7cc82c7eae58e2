namespace Station.Personalization.Biometrics;

/// <summary>Finger positions of ISO/IEC 19794-4 (Table 2); the values are the codes written in the record.</summary>
public enum FingerPosition : byte
{
    Unknown = 0,
    RightThumb = 1,
    RightIndex = 2,
    RightMiddle = 3,
    RightRing = 4,
    RightLittle = 5,
    LeftThumb = 6,
    LeftIndex = 7,
    LeftMiddle = 8,
    LeftRing = 9,
    LeftLittle = 10,
}
