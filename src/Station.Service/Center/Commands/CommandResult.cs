using System.Text.Json.Nodes;
using Station.Personalization.Applicants;

namespace Station.Service.Center.Commands;

/// <summary>
/// The answer on <c>cmd-result</c>: <c>{"commandId","ok","error"?,"result"?,"fieldErrors"?}</c>.
/// <see cref="CommandId"/> is null when the request had none (or was not JSON).
/// </summary>
public sealed record CommandResult(string? CommandId, bool Ok, string? Error, JsonNode? Result, IReadOnlyList<FieldError>? FieldErrors = null)
{
    public static CommandResult Success(string commandId, JsonNode? result) => new(commandId, true, null, result);

    public static CommandResult Failure(string? commandId, string error, IReadOnlyList<FieldError>? fieldErrors = null) =>
        new(commandId, false, error, null, fieldErrors);

    public JsonObject ToJson()
    {
        var json = new JsonObject { ["commandId"] = CommandId, ["ok"] = Ok };
        if (Error is not null) json["error"] = Error;
        if (Result is not null) json["result"] = Result.DeepClone();
        if (FieldErrors is { Count: > 0 })
        {
            var errors = new JsonArray();
            foreach (var e in FieldErrors) errors.Add(new JsonObject { ["field"] = e.Field, ["message"] = e.Message });
            json["fieldErrors"] = errors;
        }
        return json;
    }
}
