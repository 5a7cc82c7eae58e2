namespace Station.Personalization.Mrz;

/// <summary>A value cannot be written in the MRZ (e.g. a name with digits or a script without a transliteration rule).</summary>
public sealed class MrzEncodingException(string message) : Exception(message);
