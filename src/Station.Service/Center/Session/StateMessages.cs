using System.Text.Json.Nodes;
using Station.Service.Center.Telemetry;

namespace Station.Service.Center.Session;

/// <summary>The retained documents on <c>station/{id}/state</c>: the birth on connect and the death (last will or clean shutdown).</summary>
public static class StateMessages
{
    public static JsonObject Birth(string stationId, int bdSeq, int seq, StationDescription description, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(description);
        var devices = new JsonArray();
        foreach (var d in description.Devices)
            devices.Add(new JsonObject { ["kind"] = d.Kind, ["model"] = d.Model, ["firmware"] = d.Firmware, ["status"] = d.Simulated ? "simulated" : "present" });
        var capabilities = new JsonArray();
        foreach (var c in description.Capabilities) capabilities.Add(c);
        return new JsonObject
        {
            ["status"] = "online",
            ["bdSeq"] = bdSeq,
            ["seq"] = seq,
            ["stationId"] = stationId,
            ["softwareVersion"] = description.SoftwareVersion,
            ["profile"] = description.Profile,
            ["devices"] = devices,
            ["capabilities"] = capabilities,
            ["configHash"] = description.ConfigHash,
            ["startedAt"] = WireTime.Format(description.StartedAt),
            ["time"] = WireTime.Format(now),
        };
    }

    public static JsonObject Death(int bdSeq) => new() { ["status"] = "offline", ["bdSeq"] = bdSeq };
}
