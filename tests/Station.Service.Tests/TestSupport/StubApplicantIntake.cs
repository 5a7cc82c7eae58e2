using System.Text.Json;
using System.Text.Json.Nodes;
using Station.Personalization.Applicants;

namespace Station.Service.Tests.TestSupport;

/// <summary>Test double for the intake validator: needs a string applicationId and fullName; reports JSON errors.</summary>
internal sealed class StubApplicantIntake : IApplicantIntake
{
    public IntakeResult Validate(string applicantJson)
    {
        JsonObject document;
        try
        {
            document = JsonNode.Parse(applicantJson) as JsonObject ?? throw new JsonException("not an object");
        }
        catch (JsonException e)
        {
            return new IntakeResult(null, [new FieldError("$", e.Message)]);
        }

        var errors = new List<FieldError>();
        foreach (var field in new[] { "applicationId", "fullName" })
        {
            if (document[field] is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
            {
                errors.Add(new FieldError(field, "must be a string"));
            }
        }

        if (errors.Count > 0)
        {
            return new IntakeResult(null, errors);
        }

        return new IntakeResult(new Applicant
        {
            ApplicationId = document["applicationId"]!.GetValue<string>(),
            Profile = "VNM",
            FullName = document["fullName"]!.GetValue<string>(),
            IdNumber = "001090012345",
            DateOfBirth = new DateOnly(1990, 1, 15),
            Sex = 'M',
            Nationality = "VNM",
            DateOfIssue = new DateOnly(2026, 11, 27),
            Photo = document["photo"] is JsonValue photo ? Convert.FromBase64String(photo.GetValue<string>()) : null,
        }, []);
    }

    public static string Document(string applicationId, string fullName = "Nguyễn Văn An", string? photoBase64 = null) =>
        new JsonObject { ["applicationId"] = applicationId, ["fullName"] = fullName, ["photo"] = photoBase64 }.ToJsonString();
}
