using System.Text.Json;
using System.Text.Json.Serialization;

namespace Station.Personalization.ChipProfiles;

/// <summary>
/// How to personalize one kind of chip: its command set, the largest UPDATE BINARY chunk, whether it takes
/// extended-length APDUs, the key-loading commands and the lock commands. Shipped profiles are embedded JSON
/// (<c>Station.ChipProfiles.&lt;name&gt;.json</c>); a new vendor is a new file.
/// </summary>
public sealed record ChipProfile
{
    private const string ResourcePrefix = "Station.ChipProfiles.";
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        Converters = { new JsonStringEnumConverter() },
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    public required string Name { get; init; }
    public string Description { get; init; } = "";
    public required ChipCommandSet CommandSet { get; init; }
    public bool ExtendedLength { get; init; }
    /// <summary>Largest UPDATE BINARY data field the chip takes (the transport may lower it).</summary>
    public int MaxChunk { get; init; } = 255;
    /// <summary>The eMRTD application AID (hex).</summary>
    public string ApplicationAid { get; init; } = "A0000002471001";
    /// <summary>File identifier given to the application DF when the command set creates it (hex).</summary>
    public string? ApplicationFid { get; init; }
    public IReadOnlyList<CommandTemplate> KeyLoading { get; init; } = [];
    public IReadOnlyList<CommandTemplate> Lock { get; init; } = [];

    /// <summary>Names of the embedded profiles (e.g. <c>iso7816-fs</c>, <c>jmrtd-applet</c>).</summary>
    public static IReadOnlyList<string> Available { get; } = typeof(ChipProfile).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
        .Select(n => n[ResourcePrefix.Length..^".json".Length])
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>Loads an embedded profile by name.</summary>
    /// <exception cref="ArgumentException">No such profile (the message lists the available ones).</exception>
    public static ChipProfile Load(string name)
    {
        using var stream = typeof(ChipProfile).Assembly.GetManifestResourceStream($"{ResourcePrefix}{name}.json")
            ?? throw new ArgumentException($"Unknown chip profile '{name}'; available: {string.Join(", ", Available)}", nameof(name));
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>Parses and validates a profile document.</summary>
    /// <exception cref="FormatException">The JSON is malformed or a field is out of range; the message names the field.</exception>
    public static ChipProfile Parse(string json)
    {
        ChipProfile profile;
        try
        {
            profile = JsonSerializer.Deserialize<ChipProfile>(json, JsonOptions) ?? throw new FormatException("Chip profile is empty (null)");
        }
        catch (JsonException e)
        {
            throw new FormatException($"Chip profile is not valid: {e.Message}", e);
        }
        profile.Validate();
        return profile;
    }

    private void Validate()
    {
        if (MaxChunk is < 1 or > 65535)
            throw new FormatException($"Chip profile '{Name}': maxChunk {MaxChunk} must be 1..65535");
        if (!ExtendedLength && MaxChunk > 255)
            throw new FormatException($"Chip profile '{Name}': maxChunk {MaxChunk} needs extendedLength true (short APDUs carry at most 255 bytes)");
        if (!IsHex(ApplicationAid, 5, 16))
            throw new FormatException($"Chip profile '{Name}': applicationAid '{ApplicationAid}' must be 5 to 16 bytes of hex");
        if (CommandSet == ChipCommandSet.Iso7816FileSystem && (ApplicationFid is null || !IsHex(ApplicationFid, 2, 2)))
            throw new FormatException($"Chip profile '{Name}': applicationFid must be 2 bytes of hex for the Iso7816FileSystem command set");
        foreach (var template in KeyLoading.Concat(Lock))
        {
            if (!IsHex(template.Header, 4, 4))
                throw new FormatException($"Chip profile '{Name}', command '{template.Name}': header '{template.Header}' must be 4 bytes of hex (CLA INS P1 P2)");
        }
    }

    private static bool IsHex(string? value, int minBytes, int maxBytes) =>
        value is not null && value.Length % 2 == 0 && value.Length / 2 >= minBytes && value.Length / 2 <= maxBytes && value.All(Uri.IsHexDigit);
}
