using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Serialization;

namespace Station.Service.Tests.Center.Fixtures;

/// <summary>
/// <c>docs/asyncapi.yaml</c>, loaded so tests can check what the station really sends against it. The check is
/// deliberately strict about names: every required field must be present and every field sent must be declared
/// (so the document cannot silently fall behind the code); it also checks <c>const</c>, <c>enum</c> and
/// <c>pattern</c>, and follows <c>$ref</c>, <c>oneOf</c> (as any-of), <c>items</c> and <c>additionalProperties</c>.
/// </summary>
public sealed class AsyncApiDocument
{
    private readonly JsonNode _root;

    private AsyncApiDocument(JsonNode root) => _root = root;

    public static AsyncApiDocument Load()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Station.sln"))) directory = directory.Parent;
        var file = Path.Combine(directory?.FullName ?? throw new InvalidOperationException("Station.sln not found above the test binaries"), "docs", "asyncapi.yaml");
        var yaml = new DeserializerBuilder().Build().Deserialize<object>(File.ReadAllText(file));
        return new AsyncApiDocument(ToJson(yaml) ?? throw new InvalidOperationException($"{file} is empty"));
    }

    /// <summary>The payload schema of a message in <c>components/messages</c>.</summary>
    public JsonNode MessagePayload(string message) =>
        Resolve(_root["components"]!["messages"]![message]!["payload"]!);

    /// <summary>The <c>examples[].payload</c> of a message, as JSON.</summary>
    public IEnumerable<JsonNode> Examples(string message) =>
        _root["components"]!["messages"]![message]!["examples"]!.AsArray().Select(e => e!["payload"]!);

    public IReadOnlyList<string> MessageNames => _root["components"]!["messages"]!.AsObject().Select(p => p.Key).ToList();

    public IReadOnlyList<string> Violations(string message, JsonNode? payload) => Check(MessagePayload(message), payload, "$");

    /// <summary>
    /// Asserts that every message <paramref name="station"/> published matches its documented payload (the center's
    /// own command requests are skipped; an undocumented topic fails). Returns how many messages were checked.
    /// </summary>
    public int AssertConforms(IEnumerable<ObservedMessage> seen, string station)
    {
        var checkedMessages = 0;
        foreach (var m in seen)
        {
            var level = m.Topic[$"station/{station}/".Length..];
            var message = level switch
            {
                "state" => m.Json["status"]!.GetValue<string>() == "online" ? "birth" : "death",
                "telemetry" => "telemetry",
                "events" => "event",
                "cmd-result" => "commandResult",
                _ when level.StartsWith("cmd/", StringComparison.Ordinal) => null,
                _ => throw new InvalidOperationException($"undocumented topic {m.Topic}"),
            };
            if (message is null) continue;
            var violations = Violations(message, m.Json);
            Xunit.Assert.True(violations.Count == 0, $"{m.Topic} {m.Payload}: {string.Join("; ", violations)}");
            checkedMessages++;
        }

        return checkedMessages;
    }

    private IReadOnlyList<string> Check(JsonNode schema, JsonNode? value, string path)
    {
        schema = Resolve(schema);
        if (schema["oneOf"] is JsonArray alternatives)
        {
            var results = alternatives.Select(a => Check(a!, value, path)).ToList();
            return results.Any(r => r.Count == 0) ? [] : [$"{path}: matches none of oneOf ({string.Join(" / ", results.Select(r => r[0]))})"];
        }
        var violations = new List<string>();
        var text = value is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String ? v.GetValue<string>() : value?.ToJsonString();
        if (schema["const"] is { } constant && constant.ToString() != text)
            violations.Add($"{path}: {text} is not the constant {constant}");
        if (schema["enum"] is JsonArray allowed && !allowed.Any(a => a!.ToString() == text))
            violations.Add($"{path}: {text} is not one of {allowed.ToJsonString()}");
        if (schema["pattern"] is { } pattern && text is not null && !Regex.IsMatch(text, pattern.ToString()))
            violations.Add($"{path}: {text} does not match {pattern}");
        if (value is JsonObject obj)
        {
            foreach (var required in (schema["required"] as JsonArray ?? []).Select(r => r!.ToString()))
                if (!obj.ContainsKey(required)) violations.Add($"{path}: required '{required}' is missing");
            var properties = schema["properties"] as JsonObject;
            var additional = schema["additionalProperties"];
            foreach (var (key, child) in obj)
            {
                if (properties?[key] is { } declared) violations.AddRange(Check(declared, child, $"{path}.{key}"));
                else if (additional is JsonObject each) violations.AddRange(Check(each, child, $"{path}.{key}"));
                else if (properties is not null || additional?.ToString() == "false") violations.Add($"{path}: '{key}' is sent but not declared");
            }
        }
        if (value is JsonArray array && schema["items"] is { } items)
            for (var i = 0; i < array.Count; i++) violations.AddRange(Check(items, array[i], $"{path}[{i}]"));
        return violations;
    }

    private JsonNode Resolve(JsonNode schema)
    {
        while (schema["$ref"] is { } reference)
        {
            var node = _root;
            foreach (var part in reference.ToString().TrimStart('#', '/').Split('/')) node = node[part] ?? throw new InvalidOperationException($"unresolved $ref {reference}");
            schema = node;
        }
        return schema;
    }

    private static JsonNode? ToJson(object? yaml) => yaml switch
    {
        null => null,
        IDictionary<object, object> map => new JsonObject(map.Select(p => KeyValuePair.Create(p.Key.ToString()!, ToJson(p.Value)))),
        IList<object> list => new JsonArray(list.Select(ToJson).ToArray()),
        _ => JsonValue.Create(yaml.ToString()),
    };
}
