namespace Station.Service.Center;

/// <summary>The topic namespace of one station: everything lives below <c>station/{stationId}/</c>.</summary>
public sealed class CenterTopics(string stationId)
{
    public const string StateLevel = "state";
    public const string TelemetryLevel = "telemetry";
    public const string EventsLevel = "events";
    public const string CommandResultLevel = "cmd-result";

    public string StationId { get; } = stationId;
    public string Prefix { get; } = $"station/{stationId}/";
    public string State => Prefix + StateLevel;
    public string CommandResult => Prefix + CommandResultLevel;
    /// <summary>The subscription for commands: <c>station/{id}/cmd/+</c>.</summary>
    public string CommandFilter => Prefix + "cmd/+";

    /// <summary>Full topic for a level below the station prefix (e.g. <c>events</c>).</summary>
    public string For(string level) => Prefix + level;

    /// <summary>The command name of a topic <c>station/{id}/cmd/{name}</c>, or null when the topic is not this station's command topic.</summary>
    public string? CommandName(string topic)
    {
        const string cmd = "cmd/";
        if (!topic.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        var rest = topic.AsSpan(Prefix.Length);
        if (!rest.StartsWith(cmd, StringComparison.Ordinal)) return null;
        var name = rest[cmd.Length..];
        return name.IsEmpty || name.Contains('/') ? null : name.ToString();
    }
}
