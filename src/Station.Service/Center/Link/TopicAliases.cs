namespace Station.Service.Center.Link;

/// <summary>
/// MQTT 5 topic aliases of one connection, up to the broker's Topic Alias Maximum. Not thread-safe: used only
/// under the session's publish gate, which also fixes the order in which the broker learns each alias.
/// </summary>
internal sealed class TopicAliases(ushort maximum)
{
    private readonly Dictionary<string, ushort> _aliases = new(StringComparer.Ordinal);

    /// <summary>The alias for a topic (0: none, send the full topic) and whether the broker already knows it.</summary>
    public (ushort Alias, bool Known) Resolve(string topicLevel)
    {
        if (_aliases.TryGetValue(topicLevel, out var alias)) return (alias, true);
        if (_aliases.Count >= maximum) return (0, false);
        alias = (ushort)(_aliases.Count + 1);
        _aliases[topicLevel] = alias;
        return (alias, false);
    }
}
