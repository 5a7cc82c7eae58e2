namespace Station.Service.Tests.Testbed;

public sealed class PrintCaptureTests
{
    [Fact]
    public async Task Raw_job_reaches_the_capture_folder_byte_for_byte()
    {
        var capture = PrintCapture.Open();
        var document = new byte[70_000];
        new Random(42).NextBytes(document);

        await PrintCapture.PrintRaw(document);

        Assert.Equal(document, await capture.WaitForNextJob(TimeSpan.FromSeconds(20)));
    }
}
