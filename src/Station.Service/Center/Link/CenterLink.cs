using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;
using Station.Service.Center.Commands;
using Station.Service.Center.Outbox;
using Station.Service.Center.Session;
using Station.Service.Center.Telemetry;
using Station.Service.Hosting;

namespace Station.Service.Center.Link;

/// <summary>
/// The station's MQTT session with the center, Sparkplug style. Each connection: take the next bdSeq (persisted),
/// connect with the retained death certificate as last will, publish the retained birth (seq 0), subscribe to
/// <c>cmd/+</c>, then drain the outbox in order. When the connection drops it reconnects with exponential
/// backoff and jitter; on a clean stop it publishes the death itself and disconnects normally.
/// </summary>
public sealed partial class CenterLink : BackgroundService, ICenterLinkActions
{
    /// <summary>
    /// How long the drainer sleeps with an empty outbox unless an append or a disconnect wakes it: a safety net only,
    /// since every writer signals. It used to poll every 250 ms; each look allocated, and an idle connected station
    /// crept from 83 to 94 MB resident in two minutes between collections.
    /// </summary>
    internal static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(5);

    private readonly CenterOptions _options;
    private readonly CenterTopics _topics;
    private readonly OutboxStore _outbox;
    private readonly LinkStateStore _state;
    private readonly CommandProcessor _commands;
    private readonly ITelemetrySource _source;
    private readonly TelemetryService _telemetry;
    private readonly TimeProvider _time;
    private readonly ILogger<CenterLink> _logger;
    private readonly OutboxDrainer _drainer;
    private readonly WorkSignal _appended = new();
    private volatile CenterSession? _session;

    public CenterLink(IOptions<CenterOptions> options, OutboxStore outbox, LinkStateStore state, CommandProcessor commands,
        ITelemetrySource source, TelemetryService telemetry, TimeProvider time, ILogger<CenterLink> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(outbox);
        _options = options.Value;
        _topics = new CenterTopics(_options.StationId);
        _outbox = outbox;
        _state = state;
        _commands = commands;
        _source = source;
        _telemetry = telemetry;
        _time = time;
        _logger = logger;
        _drainer = new OutboxDrainer(outbox, _topics, logger);
        _outbox.Appended += SignalAppended;
    }

    /// <summary>True while a session is up (birth published, commands subscribed).</summary>
    public bool IsConnected => _session?.Client.IsConnected == true;

    /// <summary>bdSeq of the current session, or null when offline.</summary>
    public int? CurrentBdSeq => _session?.BdSeq;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.IsNullOrWhiteSpace(_options.Broker))
        {
            LogOffline();
            return;
        }
        var broker = BrokerEndpoint.Parse(_options.Broker);
        if (!broker.UseTls) LogPlaintext(_options.Broker);
        var clientOptions = new CenterClientOptions(_options);
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(_options.ReconnectInitialDelaySeconds),
            TimeSpan.FromSeconds(_options.ReconnectMaxDelaySeconds), Random.Shared);

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunSessionAsync(broker, clientOptions, backoff, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogSessionFailed(broker.Host, broker.Port, e.Message);
            }
            var delay = backoff.NextDelay();
            LogReconnecting(delay.TotalSeconds);
            try { await Task.Delay(delay, _time, stoppingToken).ConfigureAwait(false); }
            catch (OperationCanceledException) { return; }
        }
    }

    private async Task RunSessionAsync(BrokerEndpoint broker, CenterClientOptions clientOptions, ReconnectBackoff backoff, CancellationToken stoppingToken)
    {
        var bdSeq = _state.NextBdSeq();
        using var client = new MqttClientFactory().CreateMqttClient();
        var commandQueue = Channel.CreateUnbounded<MqttApplicationMessage>(new UnboundedChannelOptions { SingleReader = true });
        // Handlers run on MQTTnet's receive loop: awaiting a publish there would block the PUBACKs it waits for.
        client.ApplicationMessageReceivedAsync += e =>
        {
            commandQueue.Writer.TryWrite(e.ApplicationMessage);
            return Task.CompletedTask;
        };
        // The drain loop sleeps on the same signal as appends: a lost connection wakes it to end the session.
        client.DisconnectedAsync += _ =>
        {
            SignalAppended();
            return Task.CompletedTask;
        };

        var connect = await client.ConnectAsync(clientOptions.Build(broker, bdSeq), stoppingToken).ConfigureAwait(false);
        if (connect.ResultCode != MqttClientConnectResultCode.Success)
            throw new CenterLinkException($"broker refused the connection: {connect.ResultCode} {connect.ReasonString}");

        var inflight = Math.Min(_options.MaxInflight, connect.ReceiveMaximum is > 0 ? (int)connect.ReceiveMaximum.Value : 65535);
        using var session = new CenterSession(client, bdSeq, _time.GetUtcNow().UtcDateTime, inflight, connect.TopicAliasMaximum);
        // Subscribe before the birth (as Sparkplug does): a center that sends a command as soon as it sees the birth
        // must not lose it. Commands that arrive meanwhile wait in the queue until the command loop starts.
        await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(_topics.CommandFilter, MqttQualityOfServiceLevel.AtLeastOnce).Build(), stoppingToken).ConfigureAwait(false);
        await PublishBirthAsync(session, stoppingToken).ConfigureAwait(false);
        _session = session;
        backoff.Reset();
        LogConnected(broker.Host, broker.Port, bdSeq);

        using var sessionStop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var commandLoop = ProcessCommandsAsync(session, commandQueue.Reader, sessionStop.Token);
        try
        {
            await DrainWhileConnectedAsync(session, stoppingToken).ConfigureAwait(false);
            throw new CenterLinkException("connection lost");
        }
        finally
        {
            _session = null;
            await sessionStop.CancelAsync().ConfigureAwait(false);
            commandQueue.Writer.TryComplete();
            await commandLoop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (stoppingToken.IsCancellationRequested && client.IsConnected)
                await GoOfflineAsync(session).ConfigureAwait(false);
        }
    }

    private async Task DrainWhileConnectedAsync(CenterSession session, CancellationToken stoppingToken)
    {
        while (session.Client.IsConnected)
        {
            stoppingToken.ThrowIfCancellationRequested();
            if (await _drainer.DrainBatchAsync(session, stoppingToken).ConfigureAwait(false) == 0)
                await _appended.WaitAsync(IdlePoll, stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task PublishBirthAsync(CenterSession session, CancellationToken cancellationToken)
    {
        Task<MqttClientPublishResult> pending;
        await session.PublishGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            session.Sequence.Reset();
            var birth = StateMessages.Birth(_options.StationId, session.BdSeq, session.Sequence.Next(), _source.Describe(), _time.GetUtcNow());
            pending = session.Client.PublishAsync(StateMessage(birth), cancellationToken);
        }
        finally
        {
            session.PublishGate.Release();
        }
        var result = await pending.ConfigureAwait(false);
        if (!CenterSession.Delivered(result))
            throw new CenterLinkException($"birth refused by the broker: {result.ReasonCode} {result.ReasonString}");
    }

    private async Task GoOfflineAsync(CenterSession session)
    {
        using var timeout = new CancellationTokenSource(ShutdownTimeout);
        try
        {
            await session.Client.PublishAsync(StateMessage(StateMessages.Death(session.BdSeq)), timeout.Token).ConfigureAwait(false);
            await session.Client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder()
                .WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection).Build(), timeout.Token).ConfigureAwait(false);
            LogWentOffline(session.BdSeq);
        }
        catch (Exception e)
        {
            // The broker will publish the last will instead.
            LogOfflineFailed(e.Message);
        }
    }

    private MqttApplicationMessage StateMessage(JsonObject document) =>
        new MqttApplicationMessageBuilder()
            .WithTopic(_topics.State)
            .WithPayload(CenterJson.ToUtf8(document))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(true)
            .Build();

    private async Task ProcessCommandsAsync(CenterSession session, ChannelReader<MqttApplicationMessage> requests, CancellationToken cancellationToken)
    {
        await foreach (var request in requests.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            var name = _topics.CommandName(request.Topic);
            if (name is null) continue; // not this station's command topic: no answer
            try
            {
                var result = CommandProcessor.TooLarge(name, request.Payload.Length)
                    ?? await _commands.ProcessAsync(name, request.ConvertPayloadToString(), this, cancellationToken).ConfigureAwait(false);
                var reply = new MqttApplicationMessageBuilder()
                    .WithTopic(string.IsNullOrEmpty(request.ResponseTopic) ? _topics.CommandResult : request.ResponseTopic)
                    .WithPayload(CenterJson.ToUtf8(result.ToJson()))
                    .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);
                if (request.CorrelationData is { Length: > 0 } correlation) reply.WithCorrelationData(correlation);
                await session.Client.PublishAsync(reply.Build(), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogCommandReplyFailed(name, e.Message);
            }
        }
    }

    public async Task<int> RebirthAsync(CancellationToken cancellationToken)
    {
        var session = _session ?? throw new InvalidOperationException("not connected to the center");
        await PublishBirthAsync(session, cancellationToken).ConfigureAwait(false);
        _telemetry.SampleFullNow(); // a center asking for a rebirth has lost its picture: as Sparkplug's birth, this restores it
        return session.BdSeq;
    }

    public JsonObject Diagnostics()
    {
        var session = _session;
        var now = _time.GetUtcNow();
        var link = new JsonObject
        {
            ["connected"] = session?.Client.IsConnected == true,
            ["broker"] = _options.Broker,
            ["bdSeq"] = session?.BdSeq,
            ["connectedAt"] = session is null ? null : WireTime.Format(session.ConnectedUtc),
        };
        var station = TelemetrySample.Build(now, TimeSpan.Zero, HostMetrics.Read(_options.DataDirectory), _source.Capture(),
            _outbox.Measure(), _state.Get(LinkStateStore.TelemetryThinnedKey), null);
        station.Remove("uptimeS");
        return new JsonObject { ["link"] = link, ["station"] = station };
    }

    // Called from job threads after their commit and from MQTTnet's disconnect handler: WorkSignal never throws.
    private void SignalAppended() => _appended.Signal();

    public override void Dispose()
    {
        _outbox.Appended -= SignalAppended;
        _appended.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No Center:Broker configured: working offline, everything stays in the outbox")]
    private partial void LogOffline();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Center broker {Broker} is plain MQTT without TLS (allowed by Center:AllowPlaintext)")]
    private partial void LogPlaintext(string broker);

    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to the center at {Host}:{Port}, bdSeq {BdSeq}")]
    private partial void LogConnected(string host, int port, int bdSeq);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Center session with {Host}:{Port} ended: {Reason}")]
    private partial void LogSessionFailed(string host, int port, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconnecting to the center in {Seconds:F1} s")]
    private partial void LogReconnecting(double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Published offline state (bdSeq {BdSeq}) and disconnected")]
    private partial void LogWentOffline(int bdSeq);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish the offline state on shutdown: {Reason}")]
    private partial void LogOfflineFailed(string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not answer command {Command}: {Reason}")]
    private partial void LogCommandReplyFailed(string command, string reason);
}
