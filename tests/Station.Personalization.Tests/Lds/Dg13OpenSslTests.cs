using System.Diagnostics;
using System.Globalization;
using Station.Personalization.Applicants;
using Station.Personalization.Lds;
using Station.Personalization.Profiles;
using Station.Personalization.Tests.Applicants;

namespace Station.Personalization.Tests.Lds;

/// <summary>DG13 as an independent parser (<c>openssl asn1parse</c>) reads it: fields in number order, text intact.</summary>
public sealed class Dg13OpenSslTests : IDisposable
{
    private const string OpenSsl = "/usr/bin/openssl";
    private static readonly ProfileRegistry Profiles = ProfileRegistry.Load();
    private readonly string _directory = Directory.CreateTempSubdirectory("station-dg13-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [MemberData(nameof(SampleFiles.Vietnamese), MemberType = typeof(SampleFiles))]
    public void OpenSslReadsTheFieldsInNumberOrder(string sample)
    {
        var applicant = new ApplicantIntake(Profiles, FixedTimeProvider.On(2026, 11, 27)).Validate(SampleFiles.Read(sample)).Applicant!;
        var lines = AsnParse(Dg13File.FromApplicant(applicant, Profiles.Get("VNM")).Encode());

        Assert.Contains("appl [ 13 ]", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.EndsWith(":1.0.10646.1.0.8", StringComparison.Ordinal));
        var expected = Enumerable.Range(1, applicant.OldIdNumber is null ? 14 : 15).ToList();
        Assert.Equal(expected, FieldNumbers(lines));
        Assert.Contains(lines, l => l.Contains("UTF8STRING", StringComparison.Ordinal) && l.EndsWith(":" + applicant.FullName, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("UTF8STRING", StringComparison.Ordinal) && l.EndsWith(":" + applicant.PlaceOfResidence, StringComparison.Ordinal));
    }

    /// <summary>The INTEGER that opens each field: the line after each depth-3 SEQUENCE.</summary>
    private static List<int> FieldNumbers(IReadOnlyList<string> lines) =>
        lines.Zip(lines.Skip(1))
            .Where(pair => pair.First.Contains("d=3", StringComparison.Ordinal) && pair.First.Contains("SEQUENCE", StringComparison.Ordinal))
            .Select(pair => int.Parse(pair.Second[(pair.Second.LastIndexOf(':') + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture))
            .ToList();

    private List<string> AsnParse(byte[] der)
    {
        Assert.True(File.Exists(OpenSsl), "openssl is missing: install the Debian package openssl (test.sh does).");
        var path = Path.Combine(_directory, "DG13.bin");
        File.WriteAllBytes(path, der);
        var start = new ProcessStartInfo(OpenSsl, ["asn1parse", "-inform", "DER", "-i", "-in", path])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"openssl asn1parse failed: {error}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd()).ToList();
    }
}
