namespace Station.Personalization.Mrz;

/// <summary>A value cannot be written in the MRZ (e.g. a name with digits or a script without a transliteration rule).</summary>
/// <param name="message">What cannot be written, and why.</param>
/// <param name="element">The MRZ data element at fault, as a <see cref="Td1MrzFields"/> property name (e.g. <c>DocumentNumber</c>), when known.</param>
public sealed class MrzEncodingException(string message, string? element = null) : Exception(message)
{
    public string? Element { get; } = element;
}
