using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Station.Personalization.Profiles;

namespace Station.Personalization.Applicants;

/// <summary>
/// Reads typed fields from the applicant document's JSON object, recording one <see cref="FieldError"/>
/// per bad field (by JSON name) instead of stopping at the first.
/// </summary>
internal sealed class ApplicantFieldReader(JsonElement root, CountryProfile? profile)
{
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public List<FieldError> Errors { get; } = [];

    /// <summary>True when <paramref name="field"/> already has an error (later checks then stay quiet).</summary>
    public bool HasError(string field) => Errors.Any(e => e.Field == field);

    public void Error(string field, string message)
    {
        if (!HasError(field))
        {
            Errors.Add(new FieldError(field, message));
        }
    }

    /// <summary>A string field, NFC-normalised and checked against the profile's length and character rule.</summary>
    public string? String(string field, bool required)
    {
        var element = Get(field);
        if (element is null)
        {
            if (required)
            {
                Error(field, "is required");
            }

            return null;
        }

        if (element.Value.ValueKind != JsonValueKind.String)
        {
            Error(field, $"must be a string, not {Kind(element.Value)}");
            return null;
        }

        string value;
        try
        {
            value = element.Value.GetString()!.Normalize(NormalizationForm.FormC).Trim();
        }
        catch (InvalidOperationException)
        {
            // JSON lets "\ud800" through; as text it is half a character, which no card, chip or QR code can hold.
            Error(field, "is not valid text: it holds an unpaired UTF-16 surrogate escape (\\uD800-\\uDFFF)");
            return null;
        }

        if (value.Length == 0)
        {
            if (required)
            {
                Error(field, "must not be empty");
            }

            return null;
        }

        if (profile is not null && profile.Fields.TryGetValue(field, out var rule))
        {
            if (value.Length > rule.MaxLength)
            {
                Error(field, $"is {value.Length} characters long; profile {profile.Id} allows at most {rule.MaxLength}");
                return null;
            }

            if (rule.Pattern is not null && !Regex.IsMatch(value, rule.Pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
            {
                Error(field, $"holds characters profile {profile.Id} does not allow here");
                return null;
            }
        }

        return value;
    }

    /// <summary>A date written <c>yyyy-MM-dd</c>.</summary>
    public DateOnly? Date(string field, bool required)
    {
        var text = String(field, required);
        if (text is null)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            Error(field, $"'{text}' is not a real date written yyyy-MM-dd");
            return null;
        }

        return date;
    }

    public int? Integer(string field, int min, int max)
    {
        var element = Get(field);
        if (element is null)
        {
            Error(field, "is required");
            return null;
        }

        if (element.Value.ValueKind != JsonValueKind.Number || !element.Value.TryGetInt32(out var value))
        {
            Error(field, $"must be a whole number, not {Kind(element.Value)}");
            return null;
        }

        if (value < min || value > max)
        {
            Error(field, $"is {value}; it must be between {min} and {max}");
            return null;
        }

        return value;
    }

    /// <summary>Base64 bytes, or null when the field is absent or null.</summary>
    public byte[]? Base64(string field)
    {
        var text = String(field, required: false);
        if (text is null)
        {
            return null;
        }

        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            Error(field, "is not valid base64");
            return null;
        }
    }

    /// <summary>The element, or null when it is absent or JSON null; marks the field as known.</summary>
    public JsonElement? Get(string field)
    {
        _read.Add(field);
        return root.TryGetProperty(field, out var element) && element.ValueKind != JsonValueKind.Null ? element : null;
    }

    /// <summary>One error for every property no reader asked for (a typo or a field of another profile).</summary>
    public void RejectUnknownFields(string prefix = "")
    {
        foreach (var property in root.EnumerateObject())
        {
            if (!_read.Contains(property.Name))
            {
                Error(prefix + property.Name, profile is null ? "is not a field of the applicant document" : $"is not a field of a {profile.Id} applicant document");
            }
        }
    }

    public static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
