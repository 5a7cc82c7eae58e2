using System.Text.Json.Nodes;
using Station.Service.Cli;
using Station.Service.Tests.TestSupport;

namespace Station.Service.Tests.Cli;

public class DemoSamplesTests
{
    [Fact]
    public void DemoJobsCycleThroughTheSamplesWithNumberedApplicationIds()
    {
        var samples = DemoSamples.Load(StationProcess.SamplesDirectory);
        Assert.Equal(3, samples.Count);

        var fourth = JsonNode.Parse(DemoSamples.ForJob(samples, 4))!;
        Assert.Equal("DEMO-000004", fourth["applicationId"]!.GetValue<string>());
        Assert.Equal(JsonNode.Parse(samples[0])!["fullName"]!.GetValue<string>(), fourth["fullName"]!.GetValue<string>());
        Assert.Equal(DemoSamples.ForJob(samples, 4), DemoSamples.ForJob(samples, 4));
    }

    [Fact]
    public void AMissingFolderHasNoSamples() => Assert.Empty(DemoSamples.Load("/nonexistent/samples"));
}
