using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Station.Service.Events;

namespace Station.Service.Pipeline;

/// <summary>
/// Raises <c>Alarm</c> events (<c>code</c>, <c>severity</c>, <c>device</c>, <c>message</c>, <c>active</c>) once per
/// condition until the condition is cleared, so a long outage is one alarm, not one per job.
/// </summary>
public sealed partial class AlarmRaiser(IEventSink events, TimeProvider clock, ILogger<AlarmRaiser> logger)
{
    /// <summary>Severities of the <c>events</c> contract.</summary>
    public const string Info = "info";
    public const string Warning = "warning";
    public const string Critical = "critical";

    private readonly ConcurrentDictionary<string, string> _active = new();

    /// <summary>Raises <paramref name="code"/> on <paramref name="device"/> unless it is already active.</summary>
    public void Raise(string code, string severity, string device, string message)
    {
        if (_active.TryAdd(code, device))
        {
            LogAlarm(code, message);
            Emit(code, severity, device, message, active: true);
        }
    }

    /// <summary>Clears an active alarm; the clearing is reported with severity <c>info</c>.</summary>
    public void Clear(string code)
    {
        if (_active.TryRemove(code, out var device))
        {
            Emit(code, Info, device, "cleared", active: false);
        }
    }

    public bool IsActive(string code) => _active.ContainsKey(code);

    private void Emit(string code, string severity, string device, string message, bool active) =>
        OutboxEventSink.Emit(events, clock, EventTypes.Alarm, new JsonObject
        {
            ["code"] = code,
            ["severity"] = severity,
            ["device"] = device,
            ["message"] = message,
            ["active"] = active,
        });

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alarm {Code}: {AlarmMessage}")]
    private partial void LogAlarm(string code, string alarmMessage);
}
