using System.Globalization;

namespace Station.Devices.Simulation;

/// <summary>
/// Which faults the simulators inject, parsed from text such as <c>jam=0.05,chip-write=every:7,camera=0.1</c>.
/// Decisions come from one seeded generator, so a run with the same plan, seed and operation order repeats exactly.
/// Thread-safe: simulators of different devices share one plan.
/// </summary>
public sealed class FaultPlan
{
    private static readonly Dictionary<string, DeviceFault> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["jam"] = DeviceFault.Jam,
        ["hopper-empty"] = DeviceFault.HopperEmpty,
        ["card-lost"] = DeviceFault.CardLost,
        ["chip-write"] = DeviceFault.ChipWriteError,
        ["chip-mute"] = DeviceFault.ChipMute,
        ["card-removed"] = DeviceFault.CardRemoved,
        ["sensor-timeout"] = DeviceFault.SensorTimeout,
        ["camera"] = DeviceFault.CameraUnavailable,
        ["ribbon-out"] = DeviceFault.RibbonOut,
        ["cover-open"] = DeviceFault.CoverOpen,
        ["print"] = DeviceFault.PrintFailed,
    };

    private readonly Dictionary<DeviceFault, FaultRule> _rules;
    private readonly Dictionary<DeviceFault, int> _operations = [];
    private readonly Random _random;
    private readonly Lock _gate = new();

    public FaultPlan(IEnumerable<FaultRule> rules, int seed = 1)
    {
        _rules = rules.ToDictionary(r => r.Fault);
        _random = new Random(seed);
        Seed = seed;
    }

    /// <summary>A plan that never injects a fault.</summary>
    public static FaultPlan None => new([]);

    public int Seed { get; }

    public IReadOnlyCollection<FaultRule> Rules => _rules.Values;

    /// <summary>The fault names accepted by <see cref="Parse"/>.</summary>
    public static IEnumerable<string> FaultNames => Names.Keys;

    public static string NameOf(DeviceFault fault) => Names.First(n => n.Value == fault).Key;

    /// <summary>Parses <c>name=probability</c> or <c>name=every:N</c> items separated by commas; empty text is no faults.</summary>
    /// <exception cref="FormatException">The message names the bad item and what is allowed.</exception>
    public static FaultPlan Parse(string? text, int seed = 1)
    {
        var rules = new List<FaultRule>();
        foreach (var item in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = item.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !Names.TryGetValue(parts[0], out var fault))
            {
                throw new FormatException($"Fault '{item}' is not understood: use name=probability or name=every:N with name one of {string.Join(", ", Names.Keys)}.");
            }

            if (rules.Any(r => r.Fault == fault))
            {
                throw new FormatException($"Fault '{parts[0]}' is given twice.");
            }

            rules.Add(ParseRule(fault, parts[0], parts[1]));
        }

        return new FaultPlan(rules, seed);
    }

    private static FaultRule ParseRule(DeviceFault fault, string name, string value)
    {
        if (value.StartsWith("every:", StringComparison.OrdinalIgnoreCase))
        {
            if (int.TryParse(value.AsSpan(6), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1)
            {
                return FaultRule.Every(fault, n);
            }

            throw new FormatException($"Fault '{name}': '{value}' must be every:N with N a whole number of at least 1.");
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var p) && p is >= 0 and <= 1)
        {
            return FaultRule.WithProbability(fault, p);
        }

        throw new FormatException($"Fault '{name}': '{value}' must be a probability between 0 and 1 or every:N.");
    }

    /// <summary>Counts one operation that can suffer <paramref name="fault"/> and says whether it fails this time.</summary>
    public bool ShouldFail(DeviceFault fault)
    {
        if (!_rules.TryGetValue(fault, out var rule))
        {
            return false;
        }

        lock (_gate)
        {
            var count = _operations[fault] = _operations.GetValueOrDefault(fault) + 1;
            return rule.EveryN > 0 ? count % rule.EveryN == 0 : _random.NextDouble() < rule.Probability;
        }
    }

    /// <summary>Throws the fault as a <see cref="DeviceFaultException"/> when the plan says this operation fails.</summary>
    public void ThrowIfFails(DeviceFault fault, string device, string operation)
    {
        if (ShouldFail(fault))
        {
            throw new DeviceFaultException(fault, device, $"Simulated {fault} during {operation} ({device}, fault plan {NameOf(fault)}).");
        }
    }

    public override string ToString() => _rules.Count == 0 ? "none" : string.Join(",", _rules.Values);
}
