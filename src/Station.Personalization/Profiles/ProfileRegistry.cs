using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Station.Personalization.Profiles;

/// <summary>
/// The country profiles the station knows: the embedded ones (<c>VNM</c>, <c>ICAO-TD1</c>) plus any
/// <c>*.json</c> file in an optional directory (a file with the same id replaces the embedded profile).
/// </summary>
public sealed class ProfileRegistry
{
    private const string ResourcePrefix = "Station.Profiles.";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
    };

    private static readonly Regex QrPlaceholder = new(@"\{([^}:]*)(?::[^}]*)?\}", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private readonly Dictionary<string, CountryProfile> _profiles;

    public ProfileRegistry(IEnumerable<CountryProfile> profiles)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        _profiles = new Dictionary<string, CountryProfile>(StringComparer.Ordinal);
        foreach (var profile in profiles)
        {
            _profiles[profile.Id] = profile;
        }
    }

    /// <summary>The embedded profiles, plus those in <paramref name="directory"/> when given.</summary>
    /// <exception cref="InvalidDataException">A profile file is not valid; the message names the file.</exception>
    public static ProfileRegistry Load(string? directory = null)
    {
        var profiles = LoadEmbedded().ToList();
        if (directory is not null)
        {
            if (!Directory.Exists(directory))
            {
                throw new DirectoryNotFoundException($"Profile directory '{directory}' does not exist.");
            }

            foreach (var path in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
            {
                profiles.Add(Parse(File.ReadAllText(path), path));
            }
        }

        return new ProfileRegistry(profiles);
    }

    /// <summary>Parses one profile document; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="InvalidDataException">The document is not a valid profile.</exception>
    public static CountryProfile Parse(string json, string source)
    {
        CountryProfile? profile;
        try
        {
            profile = JsonSerializer.Deserialize<CountryProfile>(json, JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Country profile '{source}' is not valid: {ex.Message}", ex);
        }

        if (profile is null)
        {
            throw new InvalidDataException($"Country profile '{source}' is empty.");
        }

        Check(profile, source);
        return profile;
    }

    public IReadOnlyCollection<string> Ids => _profiles.Keys;

    /// <exception cref="KeyNotFoundException">No profile has that id; the message lists the known ones.</exception>
    public CountryProfile Get(string id) =>
        TryGet(id, out var profile)
            ? profile
            : throw new KeyNotFoundException($"Unknown country profile '{id}'; known profiles: {string.Join(", ", _profiles.Keys.Order(StringComparer.Ordinal))}.");

    public bool TryGet(string id, [MaybeNullWhen(false)] out CountryProfile profile) => _profiles.TryGetValue(id, out profile);

    private static IEnumerable<CountryProfile> LoadEmbedded()
    {
        var assembly = typeof(ProfileRegistry).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"Embedded profile '{name}' cannot be opened.");
            using var reader = new StreamReader(stream);
            yield return Parse(reader.ReadToEnd(), name);
        }
    }

    private static void Check(CountryProfile profile, string source)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(profile.Id))
        {
            problems.Add("'id' is empty");
        }

        if (profile.MrzLayout == MrzLayoutKind.VnmIdNumberInOptionalData && (profile.IssuingState is null || profile.DocumentCode is null))
        {
            problems.Add("the VNM MRZ layout needs 'issuingState' and 'documentCode'");
        }

        if (profile.DataGroups.Any(dg => dg is < 1 or > 16) || !profile.DataGroups.Contains(1))
        {
            problems.Add("'dataGroups' must hold numbers 1 to 16 and include 1");
        }

        if (profile.Dg13Layout != Dg13LayoutKind.None && !profile.DataGroups.Contains(13))
        {
            problems.Add("a DG13 layout is set but 13 is not in 'dataGroups'");
        }

        if (profile.Validity.RenewalAges.Count == 0 && profile.Validity.ValidYears is null)
        {
            problems.Add("'validity' needs 'renewalAges' or 'validYears'");
        }

        if (profile.Validity.RenewalAges.Any(age => age is < 1 or > 150) || profile.Validity.GraceYears < 0 || profile.Validity.ValidYears is < 1 or > 99)
        {
            problems.Add("'validity' needs renewal ages of 1-150, 'graceYears' of 0 or more and 'validYears' of 1-99");
        }

        foreach (var (field, rule) in profile.Fields)
        {
            if (rule.MaxLength < 1)
            {
                problems.Add($"'fields.{field}.maxLength' must be positive");
            }

            if (rule.Pattern is { } pattern && !IsRegex(pattern, out var error))
            {
                problems.Add($"'fields.{field}.pattern' is not a regular expression: {error}");
            }
        }

        if (profile.NoExpiryMrzDate is { } date && (date.Length != 6 || !date.All(char.IsAsciiDigit)))
        {
            problems.Add("'noExpiryMrzDate' must be six digits YYMMDD");
        }

        var unknownCardFields = profile.CardLayout.Front.Concat(profile.CardLayout.Back)
            .Select(f => f.Field)
            .Concat(QrPlaceholder.Matches(profile.QrFormat ?? string.Empty).Select(m => m.Groups[1].Value))
            .Where(f => !CardFace.ApplicantText.Names.Contains(f))
            .Distinct()
            .ToList();
        if (unknownCardFields.Count > 0)
        {
            problems.Add($"'cardLayout' or 'qrFormat' names {string.Join(", ", unknownCardFields)}, which are not applicant fields ({string.Join(", ", CardFace.ApplicantText.Names)})");
        }

        if (profile.PortraitBudgetBytes <= 0)
        {
            problems.Add("'portraitBudgetBytes' must be positive");
        }

        if (problems.Count > 0)
        {
            throw new InvalidDataException($"Country profile '{source}' is not valid: {string.Join("; ", problems)}.");
        }
    }

    /// <summary>Checked at load, so a broken pattern is the profile's error, not an exception in every intake.</summary>
    private static bool IsRegex(string pattern, out string error)
    {
        try
        {
            _ = new System.Text.RegularExpressions.Regex(pattern);
            error = "";
            return true;
        }
        catch (ArgumentException e)
        {
            error = e.Message;
            return false;
        }
    }
}
