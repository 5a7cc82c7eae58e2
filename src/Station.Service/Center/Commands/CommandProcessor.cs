using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Station.Service.Jobs;

namespace Station.Service.Center.Commands;

/// <summary>
/// Executes one command from <c>station/{id}/cmd/{name}</c> and says what to answer. Never throws for bad input:
/// malformed JSON, unknown names, missing or mistyped fields and invalid applicants become error results naming
/// the problem, and nothing is stored for them. Successful results of commands that change something are stored
/// by <c>commandId</c> and replayed when the same id comes again, except for the commands that set a state
/// (<c>pause</c>, <c>resume</c>, <c>rebirth</c>): they are run again, since running them twice is harmless and a
/// replayed answer would describe a state that may be gone (pause does not survive a restart; a retried rebirth
/// comes from a center that lost its picture).
/// </summary>
public sealed partial class CommandProcessor(IStationControl control, ProcessedCommandStore processed, TimeProvider time, ILogger<CommandProcessor> logger)
{
    public const string AssignJob = "assign-job";
    public const string CancelJob = "cancel-job";
    public const string Pause = "pause";
    public const string Resume = "resume";
    public const string Rebirth = "rebirth";
    public const string Diagnostics = "diagnostics";

    /// <summary>The source recorded with jobs that arrive over MQTT.</summary>
    public const string JobSource = "center";

    private const int MaxCommandIdLength = 128;

    /// <summary>
    /// The largest command payload the station reads: an applicant with a portrait of ~1.5 MB (base64) fits; the chip
    /// keeps a ~20 KB re-encoding of it. Larger payloads are answered without being parsed.
    /// </summary>
    public const int MaxPayloadBytes = 2 * 1024 * 1024;

    /// <summary>The MQTT packet size the station announces (MQTT 5 Maximum Packet Size): the broker drops larger ones.</summary>
    public const int MaxPacketBytes = 4 * MaxPayloadBytes;

    /// <summary>The answer to a payload over <see cref="MaxPayloadBytes"/>, or null when it is not.</summary>
    public static CommandResult? TooLarge(string name, long payloadBytes) => payloadBytes > MaxPayloadBytes
        ? CommandResult.Failure(null, $"Command '{name}': the payload is {payloadBytes} bytes; the station takes at most {MaxPayloadBytes} (send the portrait as a JPEG of at most ~1.5 MB).")
        : null;
    private static readonly string KnownCommands = string.Join(", ", AssignJob, CancelJob, Pause, Resume, Rebirth, Diagnostics);

    public async Task<CommandResult> ProcessAsync(string name, string payload, ICenterLinkActions link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        JsonObject request;
        try
        {
            if (JsonNode.Parse(payload, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false }) is not JsonObject obj)
                return CommandResult.Failure(null, $"Command '{name}': the payload must be a JSON object.");
            request = obj;
        }
        catch (JsonException e)
        {
            return CommandResult.Failure(null, $"Command '{name}': the payload is not valid JSON ({e.Message}).");
        }

        if (!TryGetString(request, "commandId", out var commandId, out var idError))
            return CommandResult.Failure(null, $"Command '{name}': {idError}");
        if (commandId.Length > MaxCommandIdLength)
            return CommandResult.Failure(null, $"Command '{name}': commandId is longer than {MaxCommandIdLength} characters.");

        if (processed.Find(commandId) is { } earlier)
        {
            if (earlier.Command != name)
                return CommandResult.Failure(commandId, $"commandId '{commandId}' was already used for '{earlier.Command}', not '{name}'.");
            if (!SetsState(name))
                return CommandResult.Success(commandId, earlier.ResultJson is null ? null : JsonNode.Parse(earlier.ResultJson));
        }

        CommandResult result;
        try
        {
            result = name switch
            {
                AssignJob => Assign(commandId, request),
                CancelJob => Cancel(commandId, request),
                Pause => SetPaused(commandId, paused: true),
                Resume => SetPaused(commandId, paused: false),
                Rebirth => CommandResult.Success(commandId, new JsonObject { ["bdSeq"] = await link.RebirthAsync(cancellationToken).ConfigureAwait(false) }),
                Diagnostics => CommandResult.Success(commandId, DiagnosticsReport(link)),
                _ => CommandResult.Failure(commandId, $"Unknown command '{name}'; known commands: {KnownCommands}."),
            };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogCommandFailed(e, name, commandId);
            return CommandResult.Failure(commandId, $"Command '{name}' failed inside the station: {e.Message}");
        }

        // A diagnostics report is read-only and should be fresh each time, so it is not stored for replay.
        if (result.Ok && name != Diagnostics)
            processed.Save(new ProcessedCommand
            {
                CommandId = commandId,
                Command = name,
                ResultJson = result.Result is null ? null : CenterJson.ToText(result.Result),
                ProcessedUtc = time.GetUtcNow().UtcDateTime,
            });
        return result;
    }

    private static bool SetsState(string name) => name is Pause or Resume or Rebirth;

    private CommandResult Assign(string commandId, JsonObject request)
    {
        if (!request.TryGetPropertyValue("applicant", out var applicant) || applicant is null)
            return CommandResult.Failure(commandId, "assign-job: 'applicant' is missing.");
        if (applicant is not JsonObject)
            return CommandResult.Failure(commandId, $"assign-job: 'applicant' must be a JSON object, not {applicant.GetValueKind()}.");

        string applicantJson;
        try
        {
            applicantJson = CenterJson.ToText(applicant);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return CommandResult.Failure(commandId, $"assign-job: 'applicant' holds text that is not valid Unicode ({e.Message}).");
        }

        var outcome = control.Submit(applicantJson, JobSource);
        if (outcome.Accepted)
            return CommandResult.Success(commandId, new JsonObject { ["jobId"] = outcome.JobId, ["alreadyExisted"] = outcome.AlreadyExisted });

        var message = outcome.Errors.Count > 0
            ? "assign-job: the applicant is invalid: " + string.Join("; ", outcome.Errors)
            : "assign-job: the applicant was rejected: " + (outcome.Error ?? "no reason given");
        return CommandResult.Failure(commandId, message, outcome.Errors);
    }

    private CommandResult Cancel(string commandId, JsonObject request)
    {
        if (!TryGetString(request, "jobId", out var jobId, out var error))
            return CommandResult.Failure(commandId, "cancel-job: " + error);
        var outcome = control.Cancel(jobId);
        return outcome.Cancelled
            ? CommandResult.Success(commandId, new JsonObject { ["jobId"] = jobId })
            : CommandResult.Failure(commandId, $"cancel-job: job '{jobId}' was not cancelled: {outcome.Error ?? "no reason given"}");
    }

    private CommandResult SetPaused(string commandId, bool paused)
    {
        if (paused) control.Pause();
        else control.Resume();
        return CommandResult.Success(commandId, new JsonObject { ["paused"] = control.IsPaused });
    }

    private JsonObject DiagnosticsReport(ICenterLinkActions link)
    {
        var report = link.Diagnostics();
        report["paused"] = control.IsPaused;
        return report;
    }

    private static bool TryGetString(JsonObject request, string field, out string value, out string error)
    {
        value = "";
        if (!request.TryGetPropertyValue(field, out var node) || node is null)
        {
            error = $"'{field}' is missing.";
            return false;
        }
        if (node.GetValueKind() != JsonValueKind.String)
        {
            error = $"'{field}' must be a string, not {node.GetValueKind()}.";
            return false;
        }
        try
        {
            value = node.GetValue<string>();
        }
        catch (InvalidOperationException)
        {
            error = $"'{field}' is not valid text (an unpaired UTF-16 surrogate escape).";
            return false;
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            error = $"'{field}' is empty.";
            return false;
        }
        error = "";
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Command {Command} ({CommandId}) failed")]
    private partial void LogCommandFailed(Exception exception, string command, string commandId);
}
