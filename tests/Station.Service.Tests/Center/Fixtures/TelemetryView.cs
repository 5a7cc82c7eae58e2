using System.Text.Json.Nodes;

namespace Station.Service.Tests.Center.Fixtures;

/// <summary>
/// What a center knows of a station's readings: telemetry is reported by exception, so a full sample
/// (<c>"full": true</c>) replaces the view and any other sample is merged into it, member by member.
/// </summary>
internal static class TelemetryView
{
    public static JsonObject Merge(IEnumerable<JsonObject> samplesInOrder)
    {
        var view = new JsonObject();
        foreach (var sample in samplesInOrder)
        {
            if (sample["full"]?.GetValue<bool>() == true) view = new JsonObject();
            MergeInto(view, sample);
        }

        return view;
    }

    private static void MergeInto(JsonObject view, JsonObject sample)
    {
        foreach (var (name, value) in sample)
        {
            if (value is JsonObject group && name != "location" && view[name] is JsonObject known) MergeInto(known, group);
            else view[name] = value?.DeepClone();
        }
    }
}
