using Station.Devices.Simulation;

namespace Station.Devices.Tests.Simulation;

public class FaultPlanTests
{
    [Fact]
    public void EveryNFailsExactlyOnEveryNthOperation()
    {
        var plan = FaultPlan.Parse("chip-write=every:3");
        var failures = Enumerable.Range(1, 9).Where(_ => plan.ShouldFail(DeviceFault.ChipWriteError)).Count();
        Assert.Equal(3, failures);
        Assert.False(plan.ShouldFail(DeviceFault.Jam));
    }

    [Fact]
    public void EveryNCountsEachFaultSeparately()
    {
        var plan = FaultPlan.Parse("jam=every:2,camera=every:2");
        Assert.False(plan.ShouldFail(DeviceFault.Jam));
        Assert.False(plan.ShouldFail(DeviceFault.CameraUnavailable));
        Assert.True(plan.ShouldFail(DeviceFault.Jam));
        Assert.True(plan.ShouldFail(DeviceFault.CameraUnavailable));
    }

    [Fact]
    public void ProbabilityIsSeededAndRepeatable()
    {
        static bool[] Run(int seed)
        {
            var plan = FaultPlan.Parse("jam=0.3", seed);
            return Enumerable.Range(0, 200).Select(_ => plan.ShouldFail(DeviceFault.Jam)).ToArray();
        }

        Assert.Equal(Run(7), Run(7));
        Assert.NotEqual(Run(7), Run(8));
        var rate = Run(7).Count(f => f) / 200.0;
        Assert.InRange(rate, 0.2, 0.4);
    }

    [Fact]
    public void ProbabilityZeroAndOneAreNeverAndAlways()
    {
        var plan = FaultPlan.Parse("jam=0,camera=1");
        Assert.DoesNotContain(Enumerable.Range(0, 50), _ => plan.ShouldFail(DeviceFault.Jam));
        Assert.All(Enumerable.Range(0, 50), _ => Assert.True(plan.ShouldFail(DeviceFault.CameraUnavailable)));
    }

    [Fact]
    public void ParsesEveryFaultName()
    {
        var plan = FaultPlan.Parse(string.Join(",", FaultPlan.FaultNames.Select(n => n + "=0.5")));
        Assert.Equal(FaultPlan.FaultNames.Count(), plan.Rules.Count);
    }

    [Fact]
    public void EmptyTextIsNoFaults()
    {
        Assert.Empty(FaultPlan.Parse("").Rules);
        Assert.Empty(FaultPlan.Parse(null).Rules);
        Assert.Equal("none", FaultPlan.Parse(" ").ToString());
    }

    [Theory]
    [InlineData("smoke=0.1", "smoke")]
    [InlineData("jam=1.5", "jam")]
    [InlineData("jam=every:0", "every:N")]
    [InlineData("jam=every:x", "every:N")]
    [InlineData("jam", "name=probability")]
    [InlineData("jam=0.1,jam=0.2", "twice")]
    public void BadTextNamesTheProblem(string text, string expected)
    {
        var error = Assert.Throws<FormatException>(() => FaultPlan.Parse(text));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ThrowIfFailsRaisesTheDeviceFault()
    {
        var plan = FaultPlan.Parse("sensor-timeout=1");
        var error = Assert.Throws<DeviceFaultException>(() => plan.ThrowIfFails(DeviceFault.SensorTimeout, "fingerprint", "capture"));
        Assert.Equal(DeviceFault.SensorTimeout, error.Fault);
        Assert.Equal("fingerprint", error.Device);
    }

    [Fact]
    public void RoundTripsThroughToString()
    {
        var plan = FaultPlan.Parse("jam=0.05,chip-write=every:7");
        var again = FaultPlan.Parse(plan.ToString());
        Assert.Equal(plan.Rules.OrderBy(r => r.Fault), again.Rules.OrderBy(r => r.Fault));
    }
}
