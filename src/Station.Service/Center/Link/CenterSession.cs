using MQTTnet;
using MQTTnet.Protocol;
using Station.Service.Center.Session;

namespace Station.Service.Center.Link;

/// <summary>
/// One MQTT connection and what belongs to it: its bdSeq, when it started (older outbox messages are
/// historical), its message sequence, and a gate that makes "take a seq number, start the publish" atomic so
/// numbers reach the broker in order even with several publishes in flight.
/// </summary>
internal sealed class CenterSession(IMqttClient client, int bdSeq, DateTime connectedUtc, int maxInflight, ushort topicAliasMaximum) : IDisposable
{
    public IMqttClient Client { get; } = client;
    public int BdSeq { get; } = bdSeq;
    public DateTime ConnectedUtc { get; } = connectedUtc;
    public int MaxInflight { get; } = maxInflight;
    public MessageSequence Sequence { get; } = new();
    public SemaphoreSlim PublishGate { get; } = new(1, 1);
    public TopicAliases TopicAliases { get; } = new(topicAliasMaximum);

    /// <summary>True when the broker took the message (a PUBACK with success, or "no subscribers", which still means accepted).</summary>
    public static bool Delivered(MqttClientPublishResult result) =>
        result.ReasonCode is MqttClientPublishReasonCode.Success or MqttClientPublishReasonCode.NoMatchingSubscribers;

    public void Dispose() => PublishGate.Dispose();
}
