using Station.Devices;
using Station.Personalization.Chip;
using Station.Service.Pipeline;
using Station.Service.Stock;

namespace Station.Service.Tests.Pipeline;

public class SpoilReasonsTests
{
    public static TheoryData<DeviceFault, string, string> DeviceFaults => new()
    {
        { DeviceFault.Jam, DeviceActions.PrinterFeed, SpoilReason.Jam },
        { DeviceFault.Jam, DeviceActions.PrinterPrint, SpoilReason.Jam },
        { DeviceFault.CardLost, DeviceActions.PrinterPrint, SpoilReason.CardLost },
        { DeviceFault.CardRemoved, DeviceActions.ChipWrite, SpoilReason.CardRemoved },
        { DeviceFault.ChipMute, DeviceActions.ChipVerify, SpoilReason.ChipMute },
        { DeviceFault.ChipWriteError, DeviceActions.ChipWrite, SpoilReason.ChipWriteFailed },
        { DeviceFault.EncoderUnavailable, DeviceActions.ChipWrite, SpoilReason.EncoderUnavailable },
        { DeviceFault.HopperEmpty, DeviceActions.PrinterFeed, SpoilReason.FeedFailed },
        { DeviceFault.CoverOpen, DeviceActions.PrinterFeed, SpoilReason.FeedFailed },
        { DeviceFault.RibbonOut, DeviceActions.PrinterPrint, SpoilReason.PrintFailed },
        { DeviceFault.PrintFailed, DeviceActions.PrinterPrint, SpoilReason.PrintFailed },
        { DeviceFault.PrintFailed, DeviceActions.PrinterEject, SpoilReason.PrintFailed },
    };

    [Theory]
    [MemberData(nameof(DeviceFaults))]
    public void DeviceFaultsMapToTheCardsReason(DeviceFault fault, string action, string reason) =>
        Assert.Equal(reason, SpoilReasons.From(new DeviceFaultException(fault, "test", "test"), action));

    [Fact]
    public void ChipErrorsKeepTheirOwnReason() =>
        Assert.Equal(SpoilReason.VerifyFailed, SpoilReasons.From(new ChipOperationException(SpoilReason.VerifyFailed, "hash mismatch"), DeviceActions.ChipVerify));

    [Fact]
    public void OnlyDeviceAndChipFaultsAreStepFaults()
    {
        Assert.True(SpoilReasons.IsStepFault(new DeviceFaultException(DeviceFault.Jam, "printer", "jam")));
        Assert.True(SpoilReasons.IsStepFault(new ChipOperationException("ChipMute", "mute")));
        Assert.False(SpoilReasons.IsStepFault(new InvalidOperationException("bug")));
    }
}
