namespace Station.Personalization.Apdu;

/// <summary>Instruction bytes (INS) used by the station, named after ISO/IEC 7816-4/-9 and Doc 9303.</summary>
public static class Instruction
{
    public const byte ActivateFile = 0x44;
    public const byte ExternalAuthenticate = 0x82;
    public const byte GetChallenge = 0x84;
    public const byte SelectFile = 0xA4;
    public const byte ReadBinary = 0xB0;
    public const byte GetResponse = 0xC0;
    public const byte UpdateBinary = 0xD6;
    public const byte PutData = 0xDA;
    public const byte CreateFile = 0xE0;
}
