using System.Text.Json.Nodes;
using Station.Personalization.Applicants;
using Station.Personalization.Biometrics;
using Station.Personalization.Profiles;

namespace Station.Personalization.Tests.Applicants;

public class ApplicantIntakeTests
{
    private static readonly ApplicantIntake Intake = new(ProfileRegistry.Load(), FixedTimeProvider.On(2026, 11, 27));

    private static JsonObject Guide() => JsonNode.Parse(SampleFiles.Read("vnm-01-nguyen-van-an.json"))!.AsObject();

    private static JsonObject Specimen() => JsonNode.Parse(SampleFiles.Read("icao-01-uto-eriksson-long-number.json"))!.AsObject();

    private static IntakeResult With(JsonObject document, string field, JsonNode? value)
    {
        document[field] = value;
        return Intake.Validate(document.ToJsonString());
    }

    private static FieldError SingleError(IntakeResult result)
    {
        Assert.False(result.IsValid);
        Assert.Null(result.Applicant);
        return Assert.Single(result.Errors);
    }

    [Fact]
    public void AcceptsTheGuideDocumentAndKeepsEveryField()
    {
        var result = Intake.Validate(Guide().ToJsonString());
        Assert.True(result.IsValid);
        var a = result.Applicant!;
        Assert.Equal("001090012345", a.IdNumber);
        Assert.Equal("Nguyễn Văn An", a.FullName);
        Assert.Equal(new DateOnly(1990, 1, 15), a.DateOfBirth);
        Assert.Equal('M', a.Sex);
        Assert.Equal("012345678", a.OldIdNumber);
        Assert.Null(a.SpouseName);
        Assert.Null(a.Photo);
        Assert.Null(a.Fingerprints);
    }

    [Fact]
    public void MalformedJsonNamesThePosition()
    {
        var error = SingleError(Intake.Validate("{\n  \"profile\": \"VNM\",\n  \"idNumber\": 0012\n}"));
        Assert.Equal("$", error.Field);
        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANameMayNotStartWithACombiningMark()
    {
        var error = SingleError(With(Guide(), "fullName", "\u0301Nguyễn Văn An"));
        Assert.Equal("fullName", error.Field);
    }

    [Fact]
    public void AFieldGivenTwiceIsRejectedNamingIt()
    {
        var json = Guide().ToJsonString().Replace("\"idNumber\":\"001090012345\"", "\"idNumber\":\"001090012345\",\"idNumber\":\"079090099999\"", StringComparison.Ordinal);
        Assert.Contains("079090099999", json, StringComparison.Ordinal);

        var error = SingleError(Intake.Validate(json));
        Assert.Equal("$", error.Field);
        Assert.Contains("Duplicate property 'idNumber'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HalfACharacterIsAnErrorOfItsField()
    {
        var json = Guide().ToJsonString().Replace("\"fullName\":\"", "\"fullName\":\"\\ud800", StringComparison.Ordinal);

        var error = SingleError(Intake.Validate(json));
        Assert.Equal("fullName", error.Field);
        Assert.Contains("unpaired UTF-16 surrogate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DocumentMustBeAnObject() =>
        Assert.Equal("$", SingleError(Intake.Validate("[1, 2]")).Field);

    [Fact]
    public void WrongTypeNamesTheField()
    {
        var error = SingleError(With(Guide(), "idNumber", 1090012345));
        Assert.Equal("idNumber", error.Field);
        Assert.Contains("must be a string, not a number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownProfile()
    {
        var error = SingleError(With(Guide(), "profile", "XYZ"));
        Assert.Equal("profile", error.Field);
        Assert.Contains("VNM", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingProfile()
    {
        var document = Guide();
        document.Remove("profile");
        Assert.Equal("profile", SingleError(Intake.Validate(document.ToJsonString())).Field);
    }

    [Theory]
    [InlineData("dateOfBirth", "1990-02-30", "not a real date")]
    [InlineData("dateOfBirth", "15/01/1990", "not a real date")]
    [InlineData("dateOfBirth", "1899-12-31", "out of range")]
    [InlineData("dateOfIssue", "2026-11-28", "out of range")]
    [InlineData("dateOfIssue", "1989-01-01", "before the date of birth")]
    [InlineData("dateOfExpiry", "2026-11-27", "not after the date of issue")]
    [InlineData("dateOfExpiry", "2126-11-27", "100 years or more after the date of issue")]
    public void ImpossibleDates(string field, string value, string expected)
    {
        var document = Guide();
        if (field == "dateOfBirth" && value == "1899-12-31")
        {
            document["idNumber"] = "001099012345";
        }

        var error = SingleError(With(document, field, value));
        Assert.Equal(field, error.Field);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BirthInTheFutureIsRefused()
    {
        var document = Guide();
        document["idNumber"] = "001227012345";
        document["dateOfIssue"] = null;
        var error = SingleError(With(document, "dateOfBirth", "2027-01-01"));
        Assert.Equal("dateOfBirth", error.Field);
    }

    [Theory]
    [InlineData("00109001234", "exactly 12 digits")]
    [InlineData("00109001234A", "exactly 12 digits")]
    [InlineData("001190012345", "needs 0")]
    [InlineData("001290012345", "needs 0")]
    [InlineData("001091012345", "birth year is 1990")]
    public void InconsistentIdNumber(string id, string expected)
    {
        var error = SingleError(With(Guide(), "idNumber", id));
        Assert.Equal("idNumber", error.Field);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IdNumberAgreesWithSexAndCentury()
    {
        var woman2000s = Guide();
        woman2000s["idNumber"] = "001305012345";
        woman2000s["dateOfBirth"] = "2005-03-04";
        woman2000s["sex"] = "F";
        Assert.True(Intake.Validate(woman2000s.ToJsonString()).IsValid);

        woman2000s["sex"] = "M";
        Assert.Equal("idNumber", SingleError(Intake.Validate(woman2000s.ToJsonString())).Field);
    }

    [Theory]
    [InlineData("12345678")]
    [InlineData("12345678X")]
    public void OldIdNumberIsNineDigits(string oldId) =>
        Assert.Equal("oldIdNumber", SingleError(With(Guide(), "oldIdNumber", oldId)).Field);

    [Theory]
    [InlineData("Nguyễn Văn 2")]
    [InlineData("Иван Петров")]
    [InlineData("Nguyễn@Văn")]
    public void NameTheMrzCannotHoldIsAnErrorOnThatField(string name) =>
        Assert.Equal("fullName", SingleError(With(Guide(), "fullName", name)).Field);

    [Fact]
    public void TooLongNameNamesTheLimit()
    {
        var error = SingleError(With(Guide(), "fullName", "Nguyễn " + string.Join(' ', Enumerable.Repeat("Phương", 20))));
        Assert.Equal("fullName", error.Field);
        Assert.Contains("at most 100", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ControlCharactersInAnAddressAreRefused() =>
        Assert.Equal("placeOfResidence", SingleError(With(Guide(), "placeOfResidence", "Hà Nội\u0007")).Field);

    [Theory]
    [InlineData("X")]
    [InlineData("Male")]
    public void VietnameseSexIsMOrF(string sex) =>
        Assert.Equal("sex", SingleError(With(Guide(), "sex", sex)).Field);

    [Fact]
    public void CitizenCardNeedsVietnameseNationality() =>
        Assert.Equal("nationality", SingleError(With(Guide(), "nationality", "LAO")).Field);

    [Fact]
    public void PhotoMustBeJpeg()
    {
        Assert.Equal("photo", SingleError(With(Guide(), "photo", Convert.ToBase64String("\x89PNG\r\n"u8.ToArray()))).Field);
        Assert.Contains("base64", SingleError(With(Guide(), "photo", "not base64!")).Message, StringComparison.Ordinal);

        var jpeg = new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10 };
        Assert.Equal(jpeg, With(Guide(), "photo", Convert.ToBase64String(jpeg)).Applicant!.Photo);
    }

    [Fact]
    public void EveryMissingRequiredFieldIsReported()
    {
        var result = Intake.Validate("""{ "profile": "VNM" }""");
        Assert.False(result.IsValid);
        Assert.Equal(
            ["applicationId", "dateOfBirth", "sex", "nationality", "idNumber", "fullName", "ethnicity", "religion", "placeOfOrigin", "placeOfResidence"],
            result.Errors.Select(e => e.Field));
    }

    [Fact]
    public void OneErrorPerBadField()
    {
        var document = Guide();
        document["sex"] = "Q";
        document["dateOfIssue"] = "2026-13-01";
        document["religon"] = "Không";
        var result = Intake.Validate(document.ToJsonString());
        Assert.Equal(["sex", "dateOfIssue", "religon"], result.Errors.Select(e => e.Field));
    }

    [Fact]
    public void DateOfIssueDefaultsToToday()
    {
        var result = With(Guide(), "dateOfIssue", null);
        Assert.Equal(new DateOnly(2026, 11, 27), result.Applicant!.DateOfIssue);
    }

    [Fact]
    public void FingerprintsAreRead()
    {
        var fingers = new JsonArray(
            new JsonObject { ["position"] = "RightIndex", ["width"] = 2, ["height"] = 3, ["ppi"] = 500, ["pixels"] = Convert.ToBase64String(new byte[6]) },
            new JsonObject { ["position"] = "LeftIndex", ["width"] = 1, ["height"] = 1, ["ppi"] = 500, ["quality"] = 80, ["pixels"] = Convert.ToBase64String(new byte[] { 200 }) });
        var applicant = With(Guide(), "fingerprints", fingers).Applicant!;

        Assert.Equal([FingerPosition.RightIndex, FingerPosition.LeftIndex], applicant.Fingerprints!.Select(f => f.Position));
        Assert.Equal(80, applicant.Fingerprints![1].Quality);
        Assert.Equal([200], applicant.Fingerprints![1].Gray8Pixels);
    }

    [Fact]
    public void BadFingerprintsNameTheNestedField()
    {
        var fingers = new JsonArray(
            new JsonObject { ["position"] = "RightIndex", ["width"] = 2, ["height"] = 3, ["ppi"] = 500, ["pixels"] = Convert.ToBase64String(new byte[5]) },
            new JsonObject { ["position"] = "Nose", ["width"] = 1, ["height"] = 1, ["ppi"] = 500, ["pixels"] = Convert.ToBase64String(new byte[1]) },
            new JsonObject { ["position"] = "LeftIndex", ["width"] = "1", ["height"] = 1, ["ppi"] = 500, ["pixels"] = Convert.ToBase64String(new byte[1]) });
        var result = With(Guide(), "fingerprints", fingers);
        Assert.Equal(["fingerprints[0].pixels", "fingerprints[1].position", "fingerprints[2].width"], result.Errors.Select(e => e.Field));
    }

    [Theory]
    [InlineData("+2")]
    [InlineData("2")]
    [InlineData("RightThumb, RightIndex")]
    [InlineData("rightindex")]
    [InlineData("Unknown")]
    public void AFingerPositionIsOneOfTheTenNames(string position)
    {
        var fingers = new JsonArray(
            new JsonObject { ["position"] = position, ["width"] = 1, ["height"] = 1, ["ppi"] = 500, ["pixels"] = Convert.ToBase64String(new byte[1]) },
            new JsonObject { ["position"] = "LeftIndex", ["width"] = 1, ["height"] = 1, ["ppi"] = 500, ["pixels"] = Convert.ToBase64String(new byte[1]) });
        var error = SingleError(With(Guide(), "fingerprints", fingers));
        Assert.Equal("fingerprints[0].position", error.Field);
    }

    [Fact]
    public void SuppliedFingerprintsMustIncludeTheFingersOfTheProfile()
    {
        var fingers = new JsonArray(
            new JsonObject { ["position"] = "RightIndex", ["width"] = 1, ["height"] = 1, ["ppi"] = 500, ["pixels"] = Convert.ToBase64String(new byte[1]) },
            new JsonObject { ["position"] = "RightThumb", ["width"] = 1, ["height"] = 1, ["ppi"] = 500, ["pixels"] = Convert.ToBase64String(new byte[1]) });
        var error = SingleError(With(Guide(), "fingerprints", fingers));
        Assert.Equal("fingerprints", error.Field);
        Assert.Contains("missing: LeftIndex", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FingerprintsMustBeAnArray() =>
        Assert.Equal("fingerprints", SingleError(With(Guide(), "fingerprints", "RightIndex")).Field);

    [Fact]
    public void IcaoDocumentIsRead()
    {
        var applicant = Intake.Validate(Specimen().ToJsonString()).Applicant!;
        Assert.Equal("D23145890734", applicant.DocumentNumber);
        Assert.Equal("UTO", applicant.IssuingState);
        Assert.Equal("Eriksson", applicant.PrimaryIdentifier);
        Assert.Null(applicant.IdNumber);
    }

    [Fact]
    public void IcaoDocumentNumberLongerThanTheProfileAllows()
    {
        var error = SingleError(With(Specimen(), "documentNumber", "D23145890734123456789012"));
        Assert.Equal("documentNumber", error.Field);
        Assert.Contains("at most 22", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OverflowAndOptionalDataThatDoNotFitTheMrz()
    {
        var document = Specimen();
        document["documentNumber"] = "D2314589073412345678";
        var error = SingleError(With(document, "optionalData", "ABCDEFG"));
        Assert.Equal("optionalData", error.Field);
        Assert.Contains("MRZ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FieldsOfTheOtherProfileAreUnknown() =>
        Assert.Equal("idNumber", SingleError(With(Specimen(), "idNumber", "001090012345")).Field);

    [Fact]
    public void IcaoSexMayBeUnspecified() =>
        Assert.Equal('X', With(Specimen(), "sex", "X").Applicant!.Sex);
}
