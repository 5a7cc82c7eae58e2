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
/// Publishes the oldest outbox messages in id order with QoS 1, up to the session's in-flight limit at once, and
/// deletes them only after their PUBACK. Only the acknowledged prefix of a batch is deleted, so after a failure
/// the rest is sent again, still in order (the center drops repeats by <c>eventId</c>).
/// </summary>
internal sealed partial class OutboxDrainer(OutboxStore store, CenterTopics topics, ILogger logger)
{
    /// <summary>Publishes one batch; returns how many messages left the outbox (0 when it was empty).</summary>
    public async Task<int> DrainBatchAsync(CenterSession session, CancellationToken cancellationToken)
    {
        var batch = store.ReadOldest(session.MaxInflight);
        if (batch.Count == 0) return 0;

        var pending = new Task<MqttClientPublishResult>[batch.Count];
        await session.PublishGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (var i = 0; i < batch.Count; i++)
                pending[i] = session.Client.PublishAsync(Compose(batch[i], session), cancellationToken);
        }
        finally
        {
            session.PublishGate.Release();
        }

        var acknowledged = 0;
        string? failure = null;
        for (var i = 0; i < pending.Length; i++)
        {
            try
            {
                var result = await pending[i].ConfigureAwait(false);
                if (CenterSession.Delivered(result)) { if (acknowledged == i) acknowledged++; }
                else failure ??= $"outbox message {batch[i].Id} refused by the broker: {result.ReasonCode} {result.ReasonString}";
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                failure ??= $"outbox message {batch[i].Id} not acknowledged: {e.Message}";
            }
        }

        if (acknowledged > 0) store.DeleteRange(batch[0].Id, batch[acknowledged - 1].Id);
        cancellationToken.ThrowIfCancellationRequested();
        if (failure is not null) throw new CenterLinkException(failure);
        return acknowledged;
    }

    private MqttApplicationMessage Compose(OutboxMessage message, CenterSession session)
    {
        var seq = session.Sequence.Next();
        var historical = message.CreatedUtc.ToUniversalTime() < session.ConnectedUtc;
        return new MqttApplicationMessageBuilder()
            .WithTopic(topics.For(message.Topic))
            .WithPayload(PayloadWithSession(message, seq, historical))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
    }

    private byte[] PayloadWithSession(OutboxMessage message, int seq, bool historical)
    {
        JsonObject json;
        try
        {
            json = JsonNode.Parse(message.Payload) as JsonObject ?? throw new JsonException("not a JSON object");
        }
        catch (JsonException e)
        {
            // Never drop a message: a payload someone stored badly goes out as it is, without session fields.
            LogBadPayload(message.Id, e.Message);
            return Encoding.UTF8.GetBytes(message.Payload);
        }
        json["seq"] = seq;
        if (historical) json["historical"] = true;
        return CenterJson.ToUtf8(json);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id} is not a JSON object ({Reason}); published unchanged")]
    private partial void LogBadPayload(long id, string reason);
}
