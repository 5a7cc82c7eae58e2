using Station.Personalization.Biometrics;
using Station.Personalization.Profiles;

namespace Station.Personalization.Tests.Profiles;

public sealed class ProfileRegistryTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("station-profiles-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void EmbeddedProfilesAreLoaded()
    {
        var registry = ProfileRegistry.Load();
        Assert.Contains("VNM", registry.Ids);
        Assert.Contains("ICAO-TD1", registry.Ids);

        var vnm = registry.Get("VNM");
        Assert.Equal("VNM", vnm.IssuingState);
        Assert.Equal("ID", vnm.DocumentCode);
        Assert.Equal(MrzLayoutKind.VnmIdNumberInOptionalData, vnm.MrzLayout);
        Assert.Equal([1, 2, 3, 13, 14, 15], vnm.DataGroups);
        Assert.Equal(Dg13LayoutKind.Vnm, vnm.Dg13Layout);
        Assert.Equal([14, 25, 40, 60], vnm.Validity.RenewalAges);
        Assert.Equal(2, vnm.Validity.GraceYears);
        Assert.Equal("991231", vnm.NoExpiryMrzDate);
        Assert.Equal(20000, vnm.PortraitBudgetBytes);
        Assert.Equal([FingerPosition.RightIndex, FingerPosition.LeftIndex], vnm.FingerPositions);
        Assert.Equal("Nữ", vnm.Texts.Sex('F'));
        Assert.Equal("Không thời hạn", vnm.Texts.NoExpiry);
        Assert.StartsWith("{idNumber}|{oldIdNumber}|{fullName}|", vnm.QrFormat, StringComparison.Ordinal);
        Assert.Equal(["idNumber", "fullName", "dateOfBirth", "sexText", "nationality", "placeOfOrigin", "placeOfResidence"], vnm.CardLayout.Front.Select(f => f.Field));
        Assert.Equal("Giới tính / Sex", vnm.Label("sexText"));

        var icao = registry.Get("ICAO-TD1");
        Assert.Null(icao.IssuingState);
        Assert.Equal(Dg13LayoutKind.None, icao.Dg13Layout);
        Assert.DoesNotContain(13, icao.DataGroups);
    }

    [Fact]
    public void UnknownIdListsTheKnownOnes()
    {
        var registry = ProfileRegistry.Load();
        Assert.False(registry.TryGet("LAO", out _));
        var error = Assert.Throws<KeyNotFoundException>(() => registry.Get("LAO"));
        Assert.Contains("ICAO-TD1, VNM", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnotherCountryIsANewFile()
    {
        File.WriteAllText(Path.Combine(_directory, "LAO.json"), """
            {
              "id": "LAO", "applicantSchema": "IcaoTd1", "issuingState": "LAO", "documentCode": "ID",
              "mrzLayout": "StandardTd1", "dataGroups": [1, 2], "validity": { "validYears": 5 }
            }
            """);
        var registry = ProfileRegistry.Load(_directory);
        var lao = registry.Get("LAO");
        Assert.Equal("LAO", lao.IssuingState);
        Assert.Equal(new DateOnly(2031, 1, 1), lao.Validity.ExpiryFor(new DateOnly(1990, 1, 1), new DateOnly(2026, 1, 1)));
        Assert.True(registry.TryGet("VNM", out _));
    }

    [Theory]
    [InlineData("""{ "id": "BAD", "applicantSchema": "IcaoTd1", "mrzLayout": "StandardTd1", "dataGroups": [2], "validity": { "validYears": 5 } }""", "include 1")]
    [InlineData("""{ "id": "BAD", "applicantSchema": "IcaoTd1", "mrzLayout": "StandardTd1", "dataGroups": [1], "validity": { } }""", "validity")]
    [InlineData("""{ "id": "BAD", "applicantSchema": "IcaoTd1", "mrzLayout": "Round", "dataGroups": [1], "validity": { "validYears": 5 } }""", "mrzLayout")]
    [InlineData("""{ "id": "BAD", "applicantSchema": "IcaoTd1", "mrzLayout": "StandardTd1", "dataGroups": [1], "validity": { "validYears": 5 }, "colour": 1 }""", "colour")]
    [InlineData("""{ "id": "BAD", "applicantSchema": "IcaoTd1", "dataGroups": [1], "validity": { "validYears": 5 } }""", "mrzLayout")]
    [InlineData("""{ "id": "BAD", "applicantSchema": "VnmCitizen", "mrzLayout": "VnmIdNumberInOptionalData", "dataGroups": [1], "validity": { "validYears": 5 } }""", "issuingState")]
    [InlineData("""{ "id": "BAD", "applicantSchema": "IcaoTd1", "mrzLayout": "StandardTd1", "dataGroups": [1], "validity": { "validYears": 5 }, "qrFormat": "{documentNumber}|{shoeSize:dd}" }""", "shoeSize")]
    [InlineData("""{ "id": "BAD", "applicantSchema": "IcaoTd1", "mrzLayout": "StandardTd1", "dataGroups": [1], "validity": { "validYears": 5 }, "cardLayout": { "front": [ { "field": "eyeColour" } ] } }""", "eyeColour")]
    [InlineData("""{ "id": "BAD", "applicantSchema": "IcaoTd1", "mrzLayout": "StandardTd1", "dataGroups": [1], "validity": { "validYears": 5 }, "fields": { "surname": { "maxLength": 40, "pattern": "^[\\p{L}" } } }""", "'fields.surname.pattern' is not a regular expression")]
    [InlineData("""{ "id": "BAD", "applicantSchema": "IcaoTd1", "mrzLayout": "StandardTd1", "dataGroups": [1], "validity": { "validYears": 5 }, "fields": { "surname": { "maxLength": 0 } } }""", "'fields.surname.maxLength' must be positive")]
    [InlineData("""{ "id": "BAD", "applicantSchema": "IcaoTd1", "mrzLayout": "StandardTd1", "dataGroups": [1], "validity": { "renewalAges": [-3], "graceYears": 2 } }""", "renewal ages of 1-150")]
    [InlineData("""{ "id": "BAD", "applicantSchema": "IcaoTd1", "mrzLayout": "StandardTd1", "dataGroups": [1], "validity": { "renewalAges": [25], "graceYears": -5 } }""", "'graceYears' of 0 or more")]
    [InlineData("""{ "id": "BAD", "applicantSchema": "IcaoTd1", "mrzLayout": "StandardTd1", "dataGroups": [1], "validity": { "validYears": 100 } }""", "'validYears' of 1-99")]
    public void InvalidProfileFileIsNamedWithItsProblem(string json, string expected)
    {
        var path = Path.Combine(_directory, "BAD.json");
        File.WriteAllText(path, json);
        var error = Assert.Throws<InvalidDataException>(() => ProfileRegistry.Load(_directory));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingDirectoryIsAClearError() =>
        Assert.Throws<DirectoryNotFoundException>(() => ProfileRegistry.Load(Path.Combine(_directory, "nope")));
}
