using Station.Service.Tests.Center.Fixtures;
using Xunit.Abstractions;

namespace Station.Service.Tests.Center;

/// <summary>Birth, clean death and last-will death against a real mosquitto.</summary>
public sealed class BirthAndDeathTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly MosquittoBroker _broker = MosquittoBroker.StartPlain();
    private readonly string _database = Path.Combine(MosquittoBroker.TempDirectory(), "station.db");

    [Fact]
    public async Task Birth_is_retained_so_a_center_that_subscribes_later_sees_it()
    {
        await using var station = await StationHarness.StartAsync(_database, StationHarness.Settings("HN-001", StationHarness.PlainBroker(_broker.Port)), new XunitLoggerProvider(output));
        await station.WaitConnectedAsync(Patience);

        await using var center = await CenterObserver.StartAsync(_broker.Port, "station/HN-001/state");
        var birth = (await center.WaitForAsync(m => m.Count > 0, Patience, "the retained birth"))[0];

        Assert.True(birth.Retain);
        var json = birth.Json;
        Assert.Equal("online", json["status"]!.GetValue<string>());
        Assert.Equal(0, json["bdSeq"]!.GetValue<int>());
        Assert.Equal(0, json["seq"]!.GetValue<int>());
        Assert.Equal("HN-001", json["stationId"]!.GetValue<string>());
        Assert.Equal("1.0.0-test", json["softwareVersion"]!.GetValue<string>());
        Assert.Equal("VNM", json["profile"]!.GetValue<string>());
        Assert.Equal("sha256:0123456789abcdef", json["configHash"]!.GetValue<string>());
        Assert.Equal(DateTimeOffset.Parse("2026-11-27T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds(), json["startedAt"]!.GetValue<long>());
        Assert.Equal(["printer", "reader", "camera", "fingerprint"], json["devices"]!.AsArray().Select(d => d!["kind"]!.GetValue<string>()));
        Assert.Equal("""{"kind":"printer","model":"SimPrinter","firmware":"1.0","status":"simulated"}""", json["devices"]![0]!.ToJsonString());
        Assert.Equal("""["issue","pace","dg3"]""", json["capabilities"]!.ToJsonString());
    }

    [Fact]
    public async Task A_clean_stop_publishes_the_offline_state_itself_and_the_next_start_has_the_next_bdSeq()
    {
        await using var center = await CenterObserver.StartAsync(_broker.Port, "station/HN-001/state");
        var station = await StationHarness.StartAsync(_database, StationHarness.Settings("HN-001", StationHarness.PlainBroker(_broker.Port)), new XunitLoggerProvider(output));
        await station.WaitConnectedAsync(Patience);
        await station.DisposeAsync();

        var states = await center.WaitForAsync(m => m.Count >= 2, Patience, "birth then offline");
        Assert.Equal("""{"status":"offline","bdSeq":0}""", states[1].Payload);

        await using var restarted = await StationHarness.StartAsync(_database, StationHarness.Settings("HN-001", StationHarness.PlainBroker(_broker.Port)), new XunitLoggerProvider(output));
        states = await center.WaitForAsync(m => m.Count >= 3, Patience, "the second birth");
        Assert.Equal("online", states[2].Json["status"]!.GetValue<string>());
        Assert.Equal(1, states[2].Json["bdSeq"]!.GetValue<int>());
    }

    [Fact]
    public async Task When_the_station_process_is_killed_with_SIGKILL_the_broker_publishes_the_retained_will()
    {
        const int keepAlive = 5;
        await using var center = await CenterObserver.StartAsync(_broker.Port, "station/HN-001/state");
        using var process = CrashHostProgram.Start(_database, "HN-001", StationHarness.PlainBroker(_broker.Port), keepAlive);
        try
        {
            var ready = process.StandardOutput.ReadLineAsync();
            if (await Task.WhenAny(ready, Task.Delay(TimeSpan.FromSeconds(60))) != ready || await ready != "connected")
                Assert.Fail($"the station process did not connect: {(process.HasExited ? await process.StandardError.ReadToEndAsync() : "still starting")}");
            var birth = (await center.WaitForAsync(m => m.Count >= 1, Patience, "the birth"))[0];
            Assert.Equal(0, birth.Json["bdSeq"]!.GetValue<int>());

            var killed = DateTime.UtcNow;
            process.Kill(); // SIGKILL: no offline message, no DISCONNECT
            await process.WaitForExitAsync();

            var states = await center.WaitForAsync(m => m.Count >= 2, Patience, "the last will");
            var elapsed = states[1].ReceivedUtc - killed;
            output.WriteLine($"will {elapsed.TotalMilliseconds:F0} ms after SIGKILL (keep-alive {keepAlive} s)");
            Assert.Equal("""{"status":"offline","bdSeq":0}""", states[1].Payload);
            Assert.True(elapsed <= TimeSpan.FromSeconds(1.5 * keepAlive), $"the will came after {elapsed.TotalSeconds:F2} s");
        }
        finally
        {
            if (!process.HasExited) process.Kill();
        }
    }

    /// <summary>
    /// Power loss, not a crash: a killed process gets its socket closed by the kernel and the broker sees that at
    /// once; a station whose power or cable is cut sends nothing at all, so only the keep-alive can tell.
    /// </summary>
    [Fact]
    public async Task When_the_station_goes_silent_the_broker_publishes_the_retained_will_after_the_keep_alive()
    {
        const int keepAlive = 2;
        using var cable = new BlackholeProxy(_broker.Port);
        await using var center = await CenterObserver.StartAsync(_broker.Port, "station/HN-001/state");
        await using var station = await StationHarness.StartAsync(_database,
            StationHarness.Settings("HN-001", StationHarness.PlainBroker(cable.Port), ("KeepAliveSeconds", keepAlive.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            new XunitLoggerProvider(output));
        await station.WaitConnectedAsync(Patience);
        await center.WaitForAsync(m => m.Count >= 1, Patience, "the birth");

        var cut = DateTime.UtcNow;
        cable.Freeze(); // power loss: no DISCONNECT, no FIN

        var states = await center.WaitForAsync(m => m.Count >= 2, Patience, "the last will");
        var elapsed = states[1].ReceivedUtc - cut;
        output.WriteLine($"will after {elapsed.TotalSeconds:F2} s (keep-alive {keepAlive} s)");
        Assert.Equal("""{"status":"offline","bdSeq":0}""", states[1].Payload);
        // MQTT says 1.5 x keep-alive; mosquitto 2.0.11 (Debian 12) runs its keep-alive check only every 5 s,
        // so that is the margin. Newer mosquitto checks every second.
        Assert.True(elapsed <= TimeSpan.FromSeconds(1.5 * keepAlive + 5), $"the will came after {elapsed.TotalSeconds:F2} s");
        Assert.True(elapsed >= TimeSpan.FromSeconds(keepAlive), $"the will came after {elapsed.TotalSeconds:F2} s, before the keep-alive could expire");

        await using var late = await CenterObserver.StartAsync(_broker.Port, "station/HN-001/state");
        var retained = (await late.WaitForAsync(m => m.Count >= 1, Patience, "the retained will"))[0];
        Assert.True(retained.Retain);
        Assert.Equal("""{"status":"offline","bdSeq":0}""", retained.Payload);
    }

    public void Dispose() => _broker.Dispose();
}
