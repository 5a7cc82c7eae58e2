namespace Station.Personalization.Lds;

/// <summary>One CBEFF Biometric Information Template (<c>7F60</c>): a header and the ISO/IEC 19794 data block (<c>5F2E</c>).</summary>
public sealed record BiometricInformationTemplate(BiometricHeaderTemplate Header, byte[] BiometricDataBlock);
