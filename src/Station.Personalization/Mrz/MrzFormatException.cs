namespace Station.Personalization.Mrz;

/// <summary>Text given as an MRZ does not have the structure of one (line count, line length, characters).</summary>
public sealed class MrzFormatException(string message) : FormatException(message);
