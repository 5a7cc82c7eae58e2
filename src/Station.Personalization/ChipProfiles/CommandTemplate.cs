using System.Text.Json;

namespace Station.Personalization.ChipProfiles;

/// <summary>
/// A vendor command kept as data: a 4-byte header (hex) and a data template. The template is a hex string
/// with <c>{placeholder}</c>s, a TLV node <c>{ "tag": "62", "content": [...] }</c> or <c>{ "tag": "04", "value": "..." }</c>,
/// or an array of these (concatenated). <see cref="Requires"/> names key material the command needs (e.g. <c>aaRsa</c>).
/// </summary>
public sealed record CommandTemplate
{
    public required string Name { get; init; }
    public required string Header { get; init; }
    public JsonElement? Data { get; init; }
    public string? Requires { get; init; }
}
