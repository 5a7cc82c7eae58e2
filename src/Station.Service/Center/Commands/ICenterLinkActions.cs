using System.Text.Json.Nodes;

namespace Station.Service.Center.Commands;

/// <summary>What a command may ask of the live link itself (as opposed to the station).</summary>
public interface ICenterLinkActions
{
    /// <summary>Publishes the birth again (same bdSeq, seq back to 0) and returns the bdSeq.</summary>
    Task<int> RebirthAsync(CancellationToken cancellationToken);

    /// <summary>A health report: link session, outbox backlog, station snapshot, host metrics.</summary>
    JsonObject Diagnostics();
}
