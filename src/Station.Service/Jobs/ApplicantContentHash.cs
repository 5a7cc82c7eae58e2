using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Station.Service.Jobs;

/// <summary>
/// SHA-256 (hex) of an applicant document in canonical form (object keys sorted, no insignificant whitespace),
/// so a resubmission that differs only in layout or key order counts as the same content.
/// </summary>
public static class ApplicantContentHash
{
    /// <exception cref="JsonException">The text is not JSON.</exception>
    public static string Compute(string applicantJson)
    {
        var canonical = Canonicalize(JsonNode.Parse(applicantJson));
        var bytes = Encoding.UTF8.GetBytes(canonical?.ToJsonString() ?? "null");
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    private static JsonNode? Canonicalize(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Canonicalize(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Canonicalize).ToArray()),
        _ => node?.DeepClone(),
    };
}
