using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Station.Devices.Camera;
using Station.Devices.Fingerprint;
using Station.Devices.Printer;
using Station.Devices.SmartCards;
using Station.Personalization.Applicants;
using Station.Personalization.Chip;
using Station.Service.Hosting;
using Station.Service.Jobs;
using Station.Service.Pipeline;
using Station.Service.Stock;
using Station.Service.Storage;

namespace Station.Service.Tests.TestSupport;

/// <summary>
/// The station's real composition (<see cref="StationServices.AddStation"/>) on a temporary data directory, with
/// test doubles for the chip-side ports and crash switches around the simulated devices. Disposing it is a
/// clean process exit; creating another on the same directory is a restart. A directory it created is deleted with it.
/// </summary>
internal sealed class TestStation : IDisposable
{
    private readonly ServiceProvider _provider;
    private readonly bool _ownsDataDir;

    private TestStation(string dataDir, ServiceProvider provider, bool ownsDataDir)
    {
        DataDir = dataDir;
        _provider = provider;
        _ownsDataDir = ownsDataDir;
    }

    public string DataDir { get; }

    public T Get<T>() where T : notnull => _provider.GetRequiredService<T>();

    public JobStore Jobs => Get<JobStore>();
    public CardStock Stock => Get<CardStock>();
    public IStationControl Control => Get<IStationControl>();
    public StationDatabase Database => Get<StationDatabase>();
    public ScriptedChipPersonalizer Personalizer => Get<ScriptedChipPersonalizer>();
    public StubChipDataBuilder Builder => Get<StubChipDataBuilder>();
    public CrashSwitch Crash => Get<CrashSwitch>();

    public static TestStation Create(string? dataDir = null, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var ownsDataDir = dataDir is null;
        dataDir ??= NewDataDir();
        var values = new Dictionary<string, string?>
        {
            ["Simulation:SavePrintedFaces"] = "false",
            ["Stock:AutoLoad"] = "true",
            ["Stock:AutoLoadFirstSerial"] = "VN000000001",
            ["Stock:AutoLoadCount"] = "10",
            ["Pipeline:WaitSeconds"] = "1",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddStation(configuration, dataDir);

        services.AddSingleton<CrashSwitch>();
        services.AddSingleton<StubChipDataBuilder>();
        services.AddSingleton<ScriptedChipPersonalizer>();
        services.Replace(ServiceDescriptor.Singleton<IApplicantIntake, StubApplicantIntake>());
        services.Replace(ServiceDescriptor.Singleton<IChipDataBuilder>(p => p.GetRequiredService<StubChipDataBuilder>()));
        services.Replace(ServiceDescriptor.Singleton<IChipPersonalizer>(p => p.GetRequiredService<ScriptedChipPersonalizer>()));
        services.Replace(ServiceDescriptor.Singleton<IChipEncoder, PresentChipEncoder>());
        services.Replace(ServiceDescriptor.Singleton<ICardFaceRenderer, BlankCardFaceRenderer>());
        services.Replace(ServiceDescriptor.Singleton<ICamera>(p => new CrashingCamera(new SimulatedCamera(p.GetRequiredService<Devices.Simulation.SimulationSettings>()), p.GetRequiredService<CrashSwitch>())));
        services.Replace(ServiceDescriptor.Singleton<IFingerprintSensor>(p => new CrashingFingerprintSensor(new SimulatedFingerprintSensor(p.GetRequiredService<Devices.Simulation.SimulationSettings>()), p.GetRequiredService<CrashSwitch>())));
        services.Replace(ServiceDescriptor.Singleton<ICardPrinter>(p => new CrashingPrinter(p.GetRequiredService<SimulatedCardPrinter>(), p.GetRequiredService<CrashSwitch>())));
        configure?.Invoke(services);

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        provider.ValidateStationOptions();
        return new TestStation(dataDir, provider, ownsDataDir);
    }

    public static string NewDataDir() => Directory.CreateTempSubdirectory("station-test-").FullName;

    /// <summary>Submits a stub applicant document and returns the new job's id.</summary>
    public string Submit(string applicationId, string fullName = "Nguyễn Văn An")
    {
        var outcome = Control.Submit(StubApplicantIntake.Document(applicationId, fullName), "test");
        Assert.True(outcome.Accepted, outcome.Error);
        return outcome.JobId!;
    }

    public Job Job(string jobId) => Jobs.Find(jobId) ?? throw new KeyNotFoundException(jobId);

    /// <summary>The outbox events as (type, the whole flat event) in publish order.</summary>
    public IReadOnlyList<(string Type, JsonObject Data)> Events() => Database.Outbox.FindAll()
        .OrderBy(m => m.Id)
        .Select(m => JsonNode.Parse(m.Payload)!.AsObject())
        .Select(p => (p["type"]!.GetValue<string>(), p))
        .ToList();

    public Task<StepResult> RunJobAsync(string jobId) => Get<IssuancePipeline>().RunJobAsync(jobId, CancellationToken.None);

    public void Dispose()
    {
        _provider.Dispose();
        if (_ownsDataDir)
        {
            Directory.Delete(DataDir, recursive: true);
        }
    }
}
