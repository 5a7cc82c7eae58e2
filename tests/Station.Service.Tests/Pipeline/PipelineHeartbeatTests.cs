using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Station.Service.Pipeline;
using Station.Service.Tests.TestSupport;

namespace Station.Service.Tests.Pipeline;

/// <summary>The systemd watchdog restarts a station whose pipeline is silent for a minute: long work must beat.</summary>
public sealed class PipelineHeartbeatTests
{
    [Fact]
    public async Task EveryCommittedDeviceActionBeats()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero));
        using var station = TestStation.Create(configure: services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        var health = station.Get<PipelineHealth>();
        var job = station.Submit("HN-1");
        Assert.False(health.IsHealthy); // nothing beat yet

        // One job's actions, outside the worker's loop that beats once per turn.
        var actions = station.Get<DeviceActionRunner>().Begin(job);
        clock.Advance(PipelineHealth.MaxSilence * 2);
        await actions.RunAsync(DeviceActions.CameraCapture, null, null, () => Task.CompletedTask);
        Assert.True(health.IsHealthy);

        clock.Advance(PipelineHealth.MaxSilence * 2);
        Assert.False(health.IsHealthy);
        actions.Commit();
        Assert.True(health.IsHealthy);
    }

    [Fact]
    public async Task AWaitLongerThanTheWatchdogAllowsBeatsInSlices()
    {
        var beats = 0;

        await PipelineWorker.WaitBeatingAsync(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(20), () => beats++, CancellationToken.None);

        Assert.Equal(3, beats); // 20 + 20 + 10 ms
    }
}
