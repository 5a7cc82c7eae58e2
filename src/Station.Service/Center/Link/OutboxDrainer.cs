using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Protocol;
using Station.Service.Center.Outbox;
using Station.Service.Outbox;

namespace Station.Service.Center.Link;

/// <summary>
/// Publishes the oldest outbox messages in id order with QoS 1, keeping up to the session's in-flight limit
/// awaiting their PUBACK (a sliding window), and deletes them only after their PUBACK. A chunk is read and
/// deleted with one LiteDB operation each, so the database is not the bottleneck. Only the acknowledged prefix
/// of a chunk is deleted, so after a failure the rest is sent again, still in order (the center drops repeats
/// by <c>eventId</c>).
/// </summary>
internal sealed partial class OutboxDrainer(OutboxStore store, CenterTopics topics, ILogger logger)
{
    /// <summary>Messages read (and later deleted) per database round trip.</summary>
    public const int ChunkSize = 1000;

    /// <summary>Publishes one chunk; returns how many messages left the outbox (0 when it was empty).</summary>
    public async Task<int> DrainBatchAsync(CenterSession session, CancellationToken cancellationToken)
    {
        var batch = store.ReadOldest(ChunkSize);
        if (batch.Count == 0) return 0;

        // Not disposed: a PUBACK continuation may still release it after this method returned.
        var window = new SemaphoreSlim(session.MaxInflight, session.MaxInflight);
        var pending = new List<Task<MqttClientPublishResult>>(batch.Count);
        var broken = false;
        foreach (var message in batch)
        {
            // On shutdown stop starting publishes, but still delete what was acknowledged (below).
            try { await window.WaitAsync(cancellationToken).ConfigureAwait(false); }
            catch (OperationCanceledException) { break; }
            if (Volatile.Read(ref broken)) break;
            Task<MqttClientPublishResult> publish;
            // Taking the seq number and starting the publish is atomic, so numbers reach the broker in order.
            await session.PublishGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                publish = session.Client.PublishAsync(Compose(message, session), cancellationToken);
            }
            finally
            {
                session.PublishGate.Release();
            }
            pending.Add(publish);
            _ = publish.ContinueWith(t =>
            {
                if (!t.IsCompletedSuccessfully || !CenterSession.Delivered(t.Result)) Volatile.Write(ref broken, true);
                window.Release();
            }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        var acknowledged = 0;
        string? failure = null;
        for (var i = 0; i < pending.Count; i++)
        {
            try
            {
                var result = await pending[i].ConfigureAwait(false);
                if (CenterSession.Delivered(result)) { if (acknowledged == i) acknowledged++; }
                else failure ??= $"outbox message {batch[i].Id} refused by the broker: {result.ReasonCode} {result.ReasonString}";
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                failure ??= $"outbox message {batch[i].Id} not acknowledged: {e.Message}";
            }
        }

        if (acknowledged > 0) store.DeleteRange(batch[0].Id, batch[acknowledged - 1].Id);
        cancellationToken.ThrowIfCancellationRequested();
        if (failure is not null || acknowledged < batch.Count)
            throw new CenterLinkException(failure ?? $"publishing stopped at outbox message {batch[acknowledged].Id}");
        return acknowledged;
    }

    private MqttApplicationMessage Compose(OutboxMessage message, CenterSession session)
    {
        var seq = session.Sequence.Next();
        var historical = message.CreatedUtc.ToUniversalTime() < session.ConnectedUtc;
        var builder = new MqttApplicationMessageBuilder()
            .WithPayload(PayloadWithSession(message, seq, historical))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);
        // MQTT 5 topic alias: the full topic goes once per connection, then a 2-byte number (~18 bytes saved a message).
        var (alias, known) = session.TopicAliases.Resolve(message.Topic);
        if (alias == 0) builder.WithTopic(topics.For(message.Topic));
        else if (known) builder.WithTopic("").WithTopicAlias(alias);
        else builder.WithTopic(topics.For(message.Topic)).WithTopicAlias(alias);
        return builder.Build();
    }

    private byte[] PayloadWithSession(OutboxMessage message, int seq, bool historical)
    {
        try
        {
            var json = JsonNode.Parse(message.Payload) as JsonObject ?? throw new JsonException("not a JSON object");
            json["seq"] = seq; // throws for a stored object with a key twice
            if (historical) json["historical"] = true;
            return CenterJson.ToUtf8(json);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            // Never drop a message, nor block the outbox behind it: a payload someone stored badly goes out as it is,
            // without session fields.
            LogBadPayload(message.Id, e.Message);
            return Encoding.UTF8.GetBytes(message.Payload);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id} is not a JSON object ({Reason}); published unchanged")]
    private partial void LogBadPayload(long id, string reason);
}
