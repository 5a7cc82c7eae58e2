using System.Text.Json;
using Station.Personalization.Applicants;

namespace Station.Service.Jobs;

/// <summary>Stores the validated <see cref="Applicant"/> of a job and reads it back for the pipeline.</summary>
public static class ApplicantSnapshot
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);

    public static Applicant Read(Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return JsonSerializer.Deserialize<Applicant>(job.ValidatedApplicantJson, Options)
            ?? throw new InvalidDataException($"Job {job.Id} has no stored applicant.");
    }
}
