using System.Text.Json.Nodes;

namespace Station.Service.Cli;

/// <summary>The sample applicants <c>station demo</c> submits (copied beside the executable from <c>samples/applicants</c>).</summary>
public static class DemoSamples
{
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "samples", "applicants");

    /// <summary>The sample documents in file-name order.</summary>
    public static IReadOnlyList<string> Load(string directory) =>
        Directory.Exists(directory)
            ? Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList()
            : [];

    /// <summary>Demo job number <paramref name="number"/>: sample <c>(number-1) mod count</c> with applicationId <c>DEMO-000001</c>…</summary>
    public static string ForJob(IReadOnlyList<string> samples, int number)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var document = JsonNode.Parse(samples[(number - 1) % samples.Count])?.AsObject()
            ?? throw new InvalidDataException("A sample applicant is not a JSON object.");
        document["applicationId"] = ApplicationId(number);
        return document.ToJsonString();
    }

    public static string ApplicationId(int number) => $"DEMO-{number:D6}";
}
