using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Station.Service.Events;

namespace Station.Service.Pipeline;

/// <summary>Raises <c>Alarm</c> events once per condition until the condition is cleared, so a long outage is one alarm, not one per job.</summary>
public sealed partial class AlarmRaiser(IEventSink events, TimeProvider clock, ILogger<AlarmRaiser> logger)
{
    private readonly ConcurrentDictionary<string, string> _active = new();

    public void Raise(string code, string message)
    {
        if (_active.TryAdd(code, message))
        {
            LogAlarm(code, message);
            OutboxEventSink.Emit(events, clock, EventTypes.Alarm, new JsonObject { ["code"] = code, ["message"] = message, ["active"] = true });
        }
    }

    public void Clear(string code)
    {
        if (_active.TryRemove(code, out _))
        {
            OutboxEventSink.Emit(events, clock, EventTypes.Alarm, new JsonObject { ["code"] = code, ["message"] = "cleared", ["active"] = false });
        }
    }

    public bool IsActive(string code) => _active.ContainsKey(code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alarm {Code}: {AlarmMessage}")]
    private partial void LogAlarm(string code, string alarmMessage);
}
