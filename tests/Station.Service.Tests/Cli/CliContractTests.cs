using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Station.Service.Tests.TestSupport;

namespace Station.Service.Tests.Cli;

/// <summary>The <c>station</c> command line as a technician uses it: exit codes, stderr field errors and the JSON contracts.</summary>
public sealed class CliContractTests : IDisposable
{
    private readonly string _dir = TestStation.NewDataDir();
    private readonly string _files = Directory.CreateTempSubdirectory("station-cli-").FullName;

    private Task<StationResult> Station(params string[] args) => StationProcess.RunAsync([.. args, "--data-dir", _dir]);

    private string SampleFile => Path.Combine(StationProcess.SamplesDirectory, "01-nguyen-van-an.json");

    [Fact]
    public async Task EveryVerbHasHelp()
    {
        string[][] verbs = [[], ["run"], ["demo"], ["job"], ["job", "submit"], ["job", "list"], ["job", "show"], ["job", "cancel"], ["stock"], ["stock", "load"]];
        foreach (var verb in verbs)
        {
            var result = await StationProcess.RunAsync([.. verb, "--help"]);
            Assert.True(result.ExitCode == 0, $"station {string.Join(' ', verb)} --help: {result}");
            Assert.Contains("Usage:", result.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task SubmitIsIdempotentAndListShowsTheJsonContract()
    {
        var first = await Station("job", "submit", SampleFile);
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.StartsWith("Accepted: job ", first.Stdout, StringComparison.Ordinal);
        var again = await Station("job", "submit", SampleFile);
        Assert.Equal(0, again.ExitCode);
        Assert.StartsWith("Already submitted: job ", again.Stdout, StringComparison.Ordinal);

        var list = await Station("job", "list", "--json");
        Assert.Equal(0, list.ExitCode);
        using var json = JsonDocument.Parse(list.Stdout);
        var job = Assert.Single(json.RootElement.EnumerateArray());
        foreach (var key in new[] { "id", "applicationId", "state", "cardSerial", "attempts", "failureReason" })
        {
            Assert.True(job.TryGetProperty(key, out _), $"job list --json lacks '{key}': {list.Stdout}");
        }

        Assert.Equal("HN-2026-000123", job.GetProperty("applicationId").GetString());
        Assert.Equal("Queued", job.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, job.GetProperty("cardSerial").ValueKind);
        Assert.Equal(JsonValueKind.Null, job.GetProperty("failureReason").ValueKind);

        var id = job.GetProperty("id").GetString()!;
        var show = await Station("job", "show", id, "--json");
        Assert.Equal(0, show.ExitCode);
        using var detail = JsonDocument.Parse(show.Stdout);
        Assert.Equal(id, detail.RootElement.GetProperty("job").GetProperty("id").GetString());
        Assert.Equal("Transition", detail.RootElement.GetProperty("history")[0].GetProperty("kind").GetString());

        Assert.Equal(0, (await Station("job", "cancel", id)).ExitCode);
        var twice = await Station("job", "cancel", id);
        Assert.Equal(1, twice.ExitCode);
        Assert.Contains("already ended (Cancelled)", twice.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"applicationId\": ", "$")]
    [InlineData("""{ "applicationId": 5, "profile": "VNM", "fullName": "A", "idNumber": "001090012345", "dateOfBirth": "1990-01-15", "sex": "M" }""", "applicationId")]
    [InlineData("""{ "applicationId": "X-1", "profile": "XXX", "fullName": "A", "idNumber": "001090012345", "dateOfBirth": "1990-01-15", "sex": "M" }""", "profile")]
    [InlineData("""{ "applicationId": "X-1", "profile": "VNM", "fullName": "A", "idNumber": "001090012345", "dateOfBirth": "1990-02-30", "sex": "M" }""", "dateOfBirth")]
    public async Task BadApplicantsExitTwoWithTheFieldOnStderrAndStoreNothing(string document, string field)
    {
        var file = Path.Combine(_files, "bad.json");
        await File.WriteAllTextAsync(file, document);

        var result = await Station("job", "submit", file);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(field + ":", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("[]", (await Station("job", "list", "--json")).Stdout.Trim());
    }

    [Fact]
    public async Task MissingFileUnknownJobAndUnknownOptionAreBadInput()
    {
        var missing = await Station("job", "submit", Path.Combine(_files, "nope.json"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("does not exist", missing.Stderr, StringComparison.Ordinal);

        var unknown = await Station("job", "show", "nope");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("No job with id 'nope'", unknown.Stderr, StringComparison.Ordinal);

        var option = await Station("job", "list", "--colour");
        Assert.Equal(2, option.ExitCode);
        Assert.Contains("--colour", option.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StockLoadAndTheStockJsonContract()
    {
        var load = await Station("stock", "load", "--first", "VN000000001", "--count", "3");
        Assert.True(load.ExitCode == 0, load.ToString());

        var stock = await Station("stock", "--json");
        using var json = JsonDocument.Parse(stock.Stdout);
        var root = json.RootElement;
        Assert.Equal((3, 3, 0, 0, 0), (root.GetProperty("loaded").GetInt32(), root.GetProperty("inHopper").GetInt32(), root.GetProperty("inUse").GetInt32(), root.GetProperty("issued").GetInt32(), root.GetProperty("spoiled").GetInt32()));
        var card = root.GetProperty("cards")[0];
        Assert.Equal("VN000000001", card.GetProperty("serial").GetString());
        Assert.Equal("InHopper", card.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, card.GetProperty("jobId").ValueKind);
        Assert.Equal(JsonValueKind.Null, card.GetProperty("reason").ValueKind);

        var bad = await Station("stock", "load", "--first", "12345", "--count", "3");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("not a card serial", bad.Stderr, StringComparison.Ordinal);
        var overlap = await Station("stock", "load", "--first", "VN000000003", "--count", "3");
        Assert.Equal(2, overlap.ExitCode);
    }

    [Fact]
    public async Task ACorruptDatabaseExitsOneNamingTheFileAndIsNotTouched()
    {
        var path = Path.Combine(_dir, "station.db");
        var junk = RandomNumberGenerator.GetBytes(16_384);
        await File.WriteAllBytesAsync(path, junk);

        var result = await Station("job", "list");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(path, result.Stderr, StringComparison.Ordinal);
        Assert.Equal(junk, await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task ACommandOnADataDirectoryWithoutStationDataSaysItCreatedIt()
    {
        var first = await Station("job", "list");
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains($"Note: {_dir} held no station data", first.Stderr, StringComparison.Ordinal);

        var second = await Station("job", "list");
        Assert.DoesNotContain("held no station data", second.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JobAndStockCommandsWorkWithoutTheSignersSecretsButTheDemoIsRefused()
    {
        // A PKCS#11 signer (set as /etc/station/station.json would) whose PIN comes as a systemd credential: a
        // technician's shell has none.
        var pkcs11 = new Dictionary<string, string>
        {
            ["STATION_Signer__Kind"] = "Pkcs11", ["STATION_Signer__Pkcs11Module"] = "/usr/lib/softhsm/libsofthsm2.so",
            ["STATION_Signer__TokenLabel"] = "station", ["STATION_Signer__KeyLabel"] = "ds",
            ["STATION_Signer__CertificateFile"] = "/etc/station/ds.pem", ["STATION_Signer__CscaFile"] = "/etc/station/csca.pem",
        };
        Task<StationResult> StationWith(params string[] args) => StationProcess.RunAsync(pkcs11, [.. args, "--data-dir", _dir]);

        var list = await StationWith("job", "list");
        Assert.True(list.ExitCode == 0, list.ToString());
        var stock = await StationWith("stock");
        Assert.True(stock.ExitCode == 0, stock.ToString());

        var demo = await StationWith("demo", "--cards", "1", "--samples", StationProcess.SamplesDirectory);
        Assert.True(demo.ExitCode == 2, demo.ToString());
        Assert.Contains("Signer:PinFile is required", demo.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunRefusesADataDirectoryTooDeepForItsControlSocket()
    {
        var deep = Path.Combine(_dir, new string('a', 60), new string('b', 60));
        var result = await StationProcess.RunAsync("run", "--data-dir", deep);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("choose a shorter --data-dir", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunExitsOneWhenAServiceLoopDiesSoThatSystemdRestartsIt()
    {
        // Two loads out of order: once both cards are used, the automatic load continues after the last one loaded
        // (SIM000000102...) and runs into the first load's card: the pipeline's loop dies on it.
        Assert.Equal(0, (await Station("stock", "load", "--first", "SIM000000150", "--count", "1")).ExitCode);
        Assert.Equal(0, (await Station("stock", "load", "--first", "SIM000000101", "--count", "1")).ExitCode);
        var samples = Directory.GetFiles(StationProcess.SamplesDirectory, "*.json").Order(StringComparer.Ordinal).Take(3).ToList();
        Assert.Equal(3, samples.Count);
        foreach (var sample in samples)
        {
            Assert.Equal(0, (await Station("job", "submit", sample)).ExitCode);
        }

        var result = await Station("run", "--Simulation:LatencyMs=0");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("The station stopped because PipelineWorker failed", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("SIM000000150", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--Pipeline:EncodeAttempts=0", "Pipeline:EncodeAttempts")]
    [InlineData("--Pipeline:EncodeAttempts=many", "Pipeline:EncodeAttempts")]
    [InlineData("--Stock:AutoLoadFirstSerial=12", "Stock:AutoLoadFirstSerial")]
    [InlineData("--Simulation:Faults=smoke=1", "Simulation:Faults")]
    [InlineData("--Encoder:Kind=Bogus", "Encoder:Kind")]
    [InlineData("--Encoder:Kind=7", "Encoder:Kind")]
    [InlineData("--Encoder:ChipProfile=nope", "Encoder:ChipProfile")]
    [InlineData("--Encoder:Lock=maybe", "Encoder:Lock")]
    [InlineData("--Signer:Kind=Foo", "Signer:Kind")]
    [InlineData("--Signer:Kind=3", "Signer:Kind")]
    [InlineData("--Signer:Kind=File", "Signer:KeyFile")]
    [InlineData("--Pipeline:EncodeAtempts=5", "Pipeline:EncodeAtempts is not a setting")]
    [InlineData("--Encoder:Reeder=ACS", "Encoder:Reeder is not a setting")]
    public async Task ABadConfigurationValueStopsTheStartNamingTheKey(string setting, string key)
    {
        var result = await Station("demo", "--cards", "1", "--samples", StationProcess.SamplesDirectory, setting);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(key, result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir, "station.db")), "nothing may be written before the configuration is valid");
    }

    [Fact]
    public async Task DemoIssuesEveryCardAndARerunAddsNothing()
    {
        var demo = await Station("demo", "--cards", "4", "--samples", StationProcess.SamplesDirectory);
        Assert.True(demo.ExitCode == 0, demo.ToString());
        Assert.Contains("completed 4, failed 0", demo.Stdout, StringComparison.Ordinal);
        Assert.Contains("cards/s", demo.Stdout, StringComparison.Ordinal);

        var again = await Station("demo", "--cards", "4", "--samples", StationProcess.SamplesDirectory);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("resuming", again.Stdout, StringComparison.Ordinal);
        using var list = JsonDocument.Parse((await Station("job", "list", "--json")).Stdout);
        Assert.Equal(4, list.RootElement.GetArrayLength());
        Assert.All(list.RootElement.EnumerateArray(), j => Assert.Equal("Completed", j.GetProperty("state").GetString()));
        Assert.Equal(8, Directory.GetFiles(Path.Combine(_dir, "printed"), "*.png").Length);
    }

    [Fact]
    public async Task TheDemoReportsSettledMemoryOnlyWhenAsked()
    {
        var plain = await Station("demo", "--cards", "1", "--samples", StationProcess.SamplesDirectory);
        Assert.True(plain.ExitCode == 0, plain.ToString());
        Assert.Matches(@"demo: peak resident memory [1-9][0-9]* MB", plain.Stdout);
        Assert.DoesNotContain("before the pipeline ran", plain.Stdout, StringComparison.Ordinal);

        var report = await Station("demo", "--cards", "2", "--samples", StationProcess.SamplesDirectory, "--memory-report");
        Assert.True(report.ExitCode == 0, report.ToString());
        // The lines scripts/bench.sh reads: settled resident memory before and after the cards, then its split.
        var resident = Regex.Match(report.Stdout, @"^demo: resident memory ([0-9]+) MB before the pipeline ran, ([0-9]+) MB after \(both settled", RegexOptions.Multiline);
        var split = Regex.Match(report.Stdout, @"^demo: of which private \(heaps, stacks, compiled code\) ([0-9]+) -> ([0-9]+) MB, pages of mapped files \(libraries, assemblies, fonts\) ([0-9]+) -> ([0-9]+) MB$", RegexOptions.Multiline);
        Assert.True(resident.Success && split.Success, report.Stdout);
        int Figure(Match match, int group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);
        Assert.InRange(Figure(resident, 1), 20, 1000);
        // The card path (Skia, its fonts, the CMS code) is mapped in only once cards are issued.
        Assert.True(Figure(split, 4) > Figure(split, 3), report.Stdout);
        // Each reading's kinds add up to it, give or take the rounding of each figure to whole MiB.
        Assert.InRange(Figure(split, 1) + Figure(split, 3) - Figure(resident, 1), -1, 1);
        Assert.InRange(Figure(split, 2) + Figure(split, 4) - Figure(resident, 2), -1, 1);
        // The middle reading, after the first half of the two jobs: what the jobs after the warm-up added.
        var warm = Regex.Match(report.Stdout, @"^demo: after the first 1 jobs ([0-9]+) MB settled \(private ([0-9]+), mapped files ([0-9]+)\): the jobs after them changed it by ([+-][0-9]+) MB \(private ([+-][0-9]+), mapped files ([+-][0-9]+)\)$", RegexOptions.Multiline);
        Assert.True(warm.Success, report.Stdout);
        // The first job mapped the card path in: it is there at the middle reading already.
        Assert.True(Figure(warm, 3) > Figure(split, 3), report.Stdout);
        Assert.InRange(Figure(warm, 2) + Figure(warm, 3) - Figure(warm, 1), -1, 1);
        Assert.InRange(Figure(resident, 2) - Figure(warm, 1) - Figure(warm, 4), -1, 1);
    }

    [Fact]
    public async Task EveryChipTheDemoLockedPassesChipVerifyAgainstItsCsca()
    {
        var demo = await Station("demo", "--cards", "3", "--samples", StationProcess.SamplesDirectory);
        Assert.True(demo.ExitCode == 0, demo.ToString());

        var chips = Directory.GetFiles(Path.Combine(_dir, "chips"), "chip-*").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["chip-000001.zip", "chip-000002.zip", "chip-000003.zip"], chips.Select(Path.GetFileName));
        var csca = Path.Combine(_dir, "pki", "csca.pem");
        foreach (var chip in chips)
        {
            var verify = await Station("chip", "verify", chip, "--csca", csca);
            Assert.True(verify.ExitCode == 0, verify.ToString());
            Assert.DoesNotContain("FAIL", verify.Stdout, StringComparison.Ordinal);
            Assert.Contains("DS certificate chain", verify.Stdout, StringComparison.Ordinal);
        }

        // One byte changed in what the pipeline wrote is caught.
        using (var archive = ZipFile.Open(chips[0], ZipArchiveMode.Update))
        {
            var entry = archive.GetEntry("DG2.bin")!;
            using var content = new MemoryStream();
            using (var read = entry.Open())
            {
                read.CopyTo(content);
            }

            var bytes = content.ToArray();
            bytes[^1] ^= 0x01;
            entry.Delete();
            using var write = archive.CreateEntry("DG2.bin").Open();
            write.Write(bytes);
        }

        var tampered = await Station("chip", "verify", chips[0], "--csca", csca);
        Assert.Equal(1, tampered.ExitCode);
        Assert.Contains("DG2", tampered.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoWithInjectedChipWriteFaultsSpoilsAndReplacesThoseCards()
    {
        var demo = await Station("demo", "--cards", "6", "--samples", StationProcess.SamplesDirectory, "--faults", "chip-write=every:4");
        Assert.True(demo.ExitCode == 0, demo.ToString());
        Assert.Contains("faults chip-write=every:4", demo.Stdout, StringComparison.Ordinal);

        // The 4th write fails: 6 cards issued with 7 writes, one card spoiled ChipWriteFailed.
        using var stock = JsonDocument.Parse((await Station("stock", "--json")).Stdout);
        Assert.Equal(6, stock.RootElement.GetProperty("issued").GetInt32());
        var spoiled = stock.RootElement.GetProperty("cards").EnumerateArray().Where(c => c.GetProperty("state").GetString() == "Spoiled").ToList();
        Assert.Equal("ChipWriteFailed", Assert.Single(spoiled).GetProperty("reason").GetString());
    }

    [Fact]
    public async Task DemoWithoutSamplesSaysWhereItLooked()
    {
        var result = await Station("demo", "--cards", "1", "--samples", _files);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(_files, result.Stderr, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Directory.Delete(_dir, recursive: true);
        Directory.Delete(_files, recursive: true);
    }
}
