using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Station.Service.Tests.Center.Fixtures;

/// <summary>One message the observer saw.</summary>
public sealed record ObservedMessage(string Topic, string Payload, bool Retain, byte[]? CorrelationData, DateTime ReceivedUtc)
{
    public JsonObject Json => JsonNode.Parse(Payload)!.AsObject();
}

/// <summary>
/// Plays the center: an MQTT 5 client subscribed to a station's topics that records everything it receives.
/// With a persistent session it reconnects by itself, so a broker restart loses nothing queued for it.
/// </summary>
public sealed class CenterObserver : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly ConcurrentQueue<ObservedMessage> _messages = new();
    private readonly MqttClientOptions _options;
    private readonly string _filter;
    private readonly CancellationTokenSource _stop = new();
    private readonly bool _persistent;
    private Task? _reconnectLoop;

    private CenterObserver(int port, string filter, bool persistent, string clientId, Action<MqttClientTlsOptionsBuilder>? tls)
    {
        _filter = filter;
        _persistent = persistent;
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId(clientId)
            .WithCleanStart(!persistent)
            .WithSessionExpiryInterval(persistent ? 3600u : 0u);
        if (tls is not null) builder.WithTlsOptions(tls);
        _options = builder.Build();
        _client.ApplicationMessageReceivedAsync += e =>
        {
            var m = e.ApplicationMessage;
            _messages.Enqueue(new ObservedMessage(m.Topic, m.ConvertPayloadToString(), m.Retain, m.CorrelationData, DateTime.UtcNow));
            return Task.CompletedTask;
        };
    }

    public IReadOnlyList<ObservedMessage> Messages => [.. _messages];
    public IMqttClient Client => _client;

    public static async Task<CenterObserver> StartAsync(int port, string filter, bool persistent = false, Action<MqttClientTlsOptionsBuilder>? tls = null)
    {
        var observer = new CenterObserver(port, filter, persistent, "observer-" + Guid.NewGuid().ToString("N")[..8], tls);
        await observer.ConnectAsync();
        if (persistent) observer._reconnectLoop = observer.KeepConnectedAsync();
        return observer;
    }

    private async Task ConnectAsync()
    {
        var result = await _client.ConnectAsync(_options, _stop.Token);
        if (!result.IsSessionPresent || !_persistent)
            await _client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
                .WithTopicFilter(_filter, MqttQualityOfServiceLevel.AtLeastOnce).Build(), _stop.Token);
    }

    private async Task KeepConnectedAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                if (!_client.IsConnected) await ConnectAsync();
            }
            catch (Exception e) when (e is not OperationCanceledException) { /* broker still down */ }
            try { await Task.Delay(100, _stop.Token); } catch (OperationCanceledException) { return; }
        }
    }

    public IReadOnlyList<ObservedMessage> On(string topic) => Messages.Where(m => m.Topic == topic).ToList();

    /// <summary>Waits until <paramref name="condition"/> holds over the messages seen so far; fails naming what was seen.</summary>
    public async Task<IReadOnlyList<ObservedMessage>> WaitForAsync(Func<IReadOnlyList<ObservedMessage>, bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var seen = Messages;
            if (condition(seen)) return seen;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds} s waiting for {what}; saw {seen.Count} messages, last: {string.Join(" | ", seen.TakeLast(3).Select(m => m.Topic + " " + m.Payload))}");
            await Task.Delay(20);
        }
    }

    /// <summary>Publishes a command as the center would, with MQTT 5 correlation data and optional response topic.</summary>
    public Task PublishAsync(string topic, string payload, byte[]? correlation = null, string? responseTopic = null)
    {
        var builder = new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);
        if (correlation is not null) builder.WithCorrelationData(correlation);
        if (responseTopic is not null) builder.WithResponseTopic(responseTopic);
        return _client.PublishAsync(builder.Build());
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_reconnectLoop is not null) await _reconnectLoop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        try
        {
            if (_client.IsConnected) await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build());
        }
        catch (Exception e) when (e is not OutOfMemoryException) { /* broker gone already */ }
        _client.Dispose();
        _stop.Dispose();
    }
}
