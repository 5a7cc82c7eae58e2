using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Station.Service.Hosting;

namespace Station.Service.Tests.Hosting;

public class StationOptionsTests
{
    [Theory]
    [InlineData("Pipeline:CaptureAttempts", "0", "Pipeline:CaptureAttempts must be between 1 and 20")]
    [InlineData("Pipeline:WaitSeconds", "0", "Pipeline:WaitSeconds must be between 1 and 3600")]
    [InlineData("Stock:AutoLoadCount", "0", "Stock:AutoLoadCount must be between 1 and 100000")]
    [InlineData("Stock:AutoLoadFirstSerial", "vn1", "Stock:AutoLoadFirstSerial must be")]
    [InlineData("Station:StationId", "has space", "Station:StationId must be")]
    [InlineData("Simulation:LatencyMs", "-1", "Simulation:LatencyMs must be between 0 and 60000")]
    [InlineData("Simulation:Faults", "jam=2", "Simulation:Faults")]
    [InlineData("Events:ReportedJobStates", "Capturing,Completed", "Events:ReportedJobStates: 'Completed' is not a reportable job state; allowed: Capturing, Preparing, Encoding, Verifying, Printing")]
    public void ABadValueIsRefusedWithItsKeyAndWhatIsAllowed(string key, string value, string expected)
    {
        using var provider = Build(new Dictionary<string, string?> { [key] = value });
        var error = Assert.Throws<OptionsValidationException>(() => provider.ValidateStationOptions());
        Assert.Contains(expected, string.Join("; ", error.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultsAreValidAndAutoLoadFollowsSimulation()
    {
        using (var simulated = Build([]))
        {
            simulated.ValidateStationOptions();
            Assert.True(simulated.GetRequiredService<IOptions<Station.Service.Stock.StockOptions>>().Value.AutoLoad);
        }

        using var real = Build(new Dictionary<string, string?> { ["Station:SimulatedDevices"] = "false" });
        Assert.False(real.GetRequiredService<IOptions<Station.Service.Stock.StockOptions>>().Value.AutoLoad);
    }

    [Fact]
    public void DataDirectoryPrefersTheCommandLineThenConfiguration()
    {
        Assert.Equal("/srv/a", DataDirectory.Resolve("/srv/a", "/srv/b"));
        Assert.Equal("/srv/b", DataDirectory.Resolve(null, "/srv/b"));
    }

    private static ServiceProvider Build(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        return new ServiceCollection().AddLogging().AddStation(configuration, Path.GetTempPath()).BuildServiceProvider();
    }
}
