using Station.Service.Pipeline;
using Station.Service.Storage;
using Station.Service.Tests.TestSupport;

namespace Station.Service.Tests.Storage;

/// <summary>Every event reaches the disk before its emitter goes on, whether or not a job's change carries it.</summary>
public sealed class EventDurabilityTests
{
    [Fact]
    public void AnAlarmRaisedOutsideAJobChangeIsCommittedInASyncedTransactionOfItsOwn()
    {
        using var station = TestStation.Create();
        var database = station.Get<StationDatabase>();
        var before = database.SyncedCommits;

        station.Get<AlarmRaiser>().Raise("TestAlarm", AlarmRaiser.Critical, "printer", "Close the printer cover.");

        Assert.Equal(before + 1, database.SyncedCommits);
        Assert.Contains(station.Events(), e => e.Data["code"]?.GetValue<string>() == "TestAlarm");
    }

    [Fact]
    public void AnEventInsideAJobChangeJoinsThatTransaction()
    {
        using var station = TestStation.Create();
        var job = station.Submit("HN-1");
        var database = station.Get<StationDatabase>();
        var before = database.SyncedCommits;

        station.Control.Cancel(job); // one change, its JobCancelled event with it

        Assert.Equal(before + 1, database.SyncedCommits);
    }
}
