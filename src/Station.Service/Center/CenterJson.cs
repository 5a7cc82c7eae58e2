using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Station.Service.Center;

/// <summary>
/// How every center payload is written: compact, and without escaping non-ASCII or quote characters (the payloads
/// are never embedded in HTML), so Vietnamese names and error messages stay readable and small.
/// </summary>
public static class CenterJson
{
    public static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string ToText(JsonNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.ToJsonString(Options);
    }

    public static byte[] ToUtf8(JsonNode node) => JsonSerializer.SerializeToUtf8Bytes(node, Options);
}
