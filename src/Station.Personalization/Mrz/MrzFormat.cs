namespace Station.Personalization.Mrz;

/// <summary>MRZ sizes this station reads: TD1 (3 × 30, ID cards) and TD3 (2 × 44, passports).</summary>
public enum MrzFormat
{
    Td1,
    Td3,
}
