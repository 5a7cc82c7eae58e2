namespace Station.Personalization.Lds;

/// <summary>The bytes of an LDS file are not what its kind requires; the message names the file and the problem.</summary>
public sealed class LdsFormatException(string message, Exception? inner = null) : FormatException(message, inner);
