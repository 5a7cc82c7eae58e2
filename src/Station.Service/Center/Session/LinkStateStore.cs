using LiteDB;

namespace Station.Service.Center.Session;

/// <summary>Small persistent counters of the center link (collection <c>center_state</c>): the birth/death sequence and the thinning total.</summary>
public sealed class LinkStateStore
{
    public const string CollectionName = "center_state";
    public const string BdSeqKey = "bdSeq";
    public const string TelemetryThinnedKey = "telemetryThinned";

    private readonly ILiteCollection<BsonDocument> _values;
    private readonly Lock _gate = new();

    public LinkStateStore(ILiteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _values = database.GetCollection(CollectionName);
        // Creates the collection now, while the host builds its services on one thread: LiteDB 5 closes the engine
        // when a collection is read while another transaction creates it (LiteDB issue 2792).
        _values.EnsureIndex("value");
    }

    public long Get(string key) => _values.FindById(key)?["value"].AsInt64 ?? 0;

    /// <summary>Adds to a counter and returns the new value.</summary>
    public long Add(string key, long amount)
    {
        lock (_gate)
        {
            var value = Get(key) + amount;
            Set(key, value);
            return value;
        }
    }

    /// <summary>
    /// The bdSeq for the next connection: the stored one plus one, modulo 256 as in Sparkplug, stored before the
    /// CONNECT so the last will and the birth of that connection carry the same number even across a crash.
    /// </summary>
    public int NextBdSeq()
    {
        lock (_gate)
        {
            var next = _values.FindById(BdSeqKey) is null ? 0 : (int)((Get(BdSeqKey) + 1) % 256);
            Set(BdSeqKey, next);
            return next;
        }
    }

    private void Set(string key, long value) =>
        _values.Upsert(new BsonDocument { ["_id"] = key, ["value"] = new BsonValue(value) });
}
