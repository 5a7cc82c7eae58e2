namespace Station.Service.Tests.Testbed;

/// <summary>
/// A systemd unit file read as sections of key/value lines. Repeated keys keep every value, in
/// order (DeviceAllow=, LoadCredential=). Only what the unit tests need: no line continuations,
/// no specifier expansion.
/// </summary>
public sealed class SystemdUnitFile
{
    private readonly Dictionary<string, List<KeyValuePair<string, string>>> _sections;

    private SystemdUnitFile(Dictionary<string, List<KeyValuePair<string, string>>> sections) => _sections = sections;

    public static SystemdUnitFile Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sections = new Dictionary<string, List<KeyValuePair<string, string>>>(StringComparer.Ordinal);
        List<KeyValuePair<string, string>>? current = null;
        var lineNumber = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            var line = rawLine.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            if (line[0] == '[' && line[^1] == ']')
            {
                var name = line[1..^1];
                current = sections.TryGetValue(name, out var existing) ? existing : sections[name] = [];
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (current is null || equals <= 0)
            {
                throw new FormatException($"line {lineNumber} is neither a [Section] nor Key=Value inside one: '{line}'");
            }

            current.Add(new(line[..equals].Trim(), line[(equals + 1)..].Trim()));
        }

        return new SystemdUnitFile(sections);
    }

    /// <summary>Every value of <paramref name="key"/> in <paramref name="section"/>, in file order.</summary>
    public IReadOnlyList<string> Values(string section, string key) =>
        _sections.TryGetValue(section, out var entries)
            ? entries.Where(entry => entry.Key == key).Select(entry => entry.Value).ToList()
            : [];

    /// <summary>The last value of a key (systemd's rule for single-valued settings), or null.</summary>
    public string? Value(string section, string key) => Values(section, key).LastOrDefault();
}
