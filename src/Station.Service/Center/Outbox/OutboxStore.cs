using LiteDB;
using Station.Service.Outbox;

namespace Station.Service.Center.Outbox;

/// <summary>
/// The center link's view of the shared LiteDB collection <c>outbox</c>: append, read the oldest messages in id
/// (publish) order, delete what the broker acknowledged, and measure the backlog. The job store appends events to
/// the same collection inside its own transactions; LiteDB's auto-increment id keeps the order.
/// </summary>
public sealed class OutboxStore
{
    public const string CollectionName = "outbox";
    public const string EventKind = "event";
    public const string TelemetryKind = "telemetry";

    private readonly ILiteCollection<OutboxMessage> _messages;

    public OutboxStore(ILiteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _messages = database.GetCollection<OutboxMessage>(CollectionName, BsonAutoId.Int64);
        _messages.EnsureIndex(m => m.Kind);
    }

    /// <summary>Raised after a message was appended (<see cref="Append"/>, or <see cref="Insert"/> then <see cref="NotifyAppended"/>), so the drainer need not wait for its next poll.</summary>
    public event Action? Appended;

    /// <summary>Raises <see cref="Appended"/> for messages stored with <see cref="Insert"/>, once they are committed.</summary>
    public void NotifyAppended() => Appended?.Invoke();

    /// <summary>Appends a message, tells the drainer, and returns its id (greater than every id before it).</summary>
    public long Append(string kind, string topicLevel, string payload, DateTime createdUtc)
    {
        var id = Insert(kind, topicLevel, payload, createdUtc);
        Appended?.Invoke();
        return id;
    }

    /// <summary>
    /// Stores a message without telling the drainer: for a writer inside a transaction, which the drainer could not
    /// read yet; it calls <see cref="NotifyAppended"/> once the transaction is committed.
    /// </summary>
    public long Insert(string kind, string topicLevel, string payload, DateTime createdUtc)
    {
        var message = new OutboxMessage { Kind = kind, Topic = topicLevel, Payload = payload, CreatedUtc = createdUtc };
        _messages.Insert(message);
        return message.Id;
    }

    /// <summary>The oldest <paramref name="max"/> messages in publish order.</summary>
    public IReadOnlyList<OutboxMessage> ReadOldest(int max) =>
        _messages.Query().OrderBy(m => m.Id).Limit(max).ToList();

    /// <summary>Deletes the messages with ids in [<paramref name="firstId"/>, <paramref name="lastId"/>] (those the broker acknowledged).</summary>
    public int DeleteRange(long firstId, long lastId) =>
        _messages.DeleteMany(m => m.Id >= firstId && m.Id <= lastId);

    /// <summary>Deletes the given messages in one operation; returns how many existed.</summary>
    public int DeleteIds(IReadOnlyCollection<long> ids) =>
        ids.Count == 0 ? 0 : _messages.DeleteMany(BsonExpression.Create("_id IN @0", new BsonArray(ids.Select(id => new BsonValue(id)))));

    /// <summary>Telemetry messages oldest first, with their payload sizes and whether each is a full sample, for thinning.</summary>
    public IReadOnlyList<(long Id, long Bytes, bool Full)> TelemetryOldestFirst() =>
        _messages.Query().Where(m => m.Kind == TelemetryKind).OrderBy(m => m.Id).ToEnumerable()
            .Select(m => (m.Id, (long)m.Payload.Length, m.Payload.Contains(FullSampleMark, StringComparison.Ordinal))).ToList();

    /// <summary>How a full telemetry sample is marked (<see cref="Telemetry.TelemetryReporter"/> writes it right after <c>time</c>).</summary>
    public const string FullSampleMark = "\"full\":true";

    /// <summary>Backlog size: message count, payload bytes and the creation time of the oldest message.</summary>
    public OutboxBacklog Measure()
    {
        long count = 0, bytes = 0;
        DateTime? oldest = null;
        foreach (var m in _messages.Query().OrderBy(m => m.Id).ToEnumerable())
        {
            count++;
            bytes += m.Payload.Length;
            oldest ??= m.CreatedUtc.ToUniversalTime();
        }
        return new OutboxBacklog(count, bytes, oldest);
    }
}
