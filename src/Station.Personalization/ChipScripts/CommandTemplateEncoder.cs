using System.Formats.Asn1;
using System.Text.Json;
using System.Text.RegularExpressions;
using Station.Personalization.Apdu;
using Station.Personalization.ChipProfiles;

namespace Station.Personalization.ChipScripts;

/// <summary>Turns a <see cref="CommandTemplate"/> into a command APDU, filling placeholders from <see cref="ChipKeyMaterial"/>; TLV nodes are written with <see cref="AsnWriter"/>.</summary>
internal static partial class CommandTemplateEncoder
{
    public static CommandApdu Encode(CommandTemplate template, ChipKeyMaterial material)
    {
        byte[] header = Convert.FromHexString(template.Header);
        byte[] data = template.Data is { } node ? EncodeNode(node, material, template.Name) : [];
        return new CommandApdu(header[0], header[1], header[2], header[3], data);
    }

    private static byte[] EncodeNode(JsonElement node, ChipKeyMaterial material, string command) => node.ValueKind switch
    {
        JsonValueKind.String => EncodeString(node.GetString()!, material, command),
        JsonValueKind.Array => node.EnumerateArray().SelectMany(n => EncodeNode(n, material, command)).ToArray(),
        JsonValueKind.Object => EncodeTlv(node, material, command),
        _ => throw new FormatException($"Command '{command}': data node of kind {node.ValueKind} is not a string, array or TLV object"),
    };

    private static byte[] EncodeTlv(JsonElement node, ChipKeyMaterial material, string command)
    {
        if (!node.TryGetProperty("tag", out var tagElement) || tagElement.GetString() is not { } tagHex)
            throw new FormatException($"Command '{command}': TLV node has no \"tag\"");
        var tag = Asn1Tag.Decode(Convert.FromHexString(tagHex), out _);
        var writer = new AsnWriter(AsnEncodingRules.BER);
        if (node.TryGetProperty("content", out var content))
        {
            using (writer.PushSequence(tag))
            {
                var children = content.ValueKind == JsonValueKind.Array ? content.EnumerateArray().ToArray() : [content];
                foreach (var child in children)
                    writer.WriteEncodedValue(EncodeNode(child, material, command));
            }
        }
        else if (node.TryGetProperty("value", out var value))
        {
            writer.WriteOctetString(EncodeNode(value, material, command), tag);
        }
        else
        {
            throw new FormatException($"Command '{command}': TLV {tagHex} needs \"value\" or \"content\"");
        }
        return writer.Encode();
    }

    private static byte[] EncodeString(string template, ChipKeyMaterial material, string command)
    {
        var bytes = new List<byte>();
        foreach (Match part in Part().Matches(template))
        {
            if (part.Groups["placeholder"].Success)
                bytes.AddRange(material[part.Groups["placeholder"].Value]);
            else if (part.Groups["hex"].Success)
                bytes.AddRange(Convert.FromHexString(part.Groups["hex"].Value));
            else if (!string.IsNullOrWhiteSpace(part.Value))
                throw new FormatException($"Command '{command}': '{part.Value}' in data template '{template}' is neither hex nor a {{placeholder}}");
        }
        return [.. bytes];
    }

    [GeneratedRegex(@"\{(?<placeholder>[A-Za-z][A-Za-z0-9]*)\}|(?<hex>(?:[0-9A-Fa-f]{2})+)|\s+|.+?")]
    private static partial Regex Part();
}
