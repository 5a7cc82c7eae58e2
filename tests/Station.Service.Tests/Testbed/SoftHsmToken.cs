using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Station.Service.Tests.Testbed;

/// <summary>
/// A fresh SoftHSM2 token in the test bed's token folder (SOFTHSM2_CONF), with a unique label and
/// random PINs; deleted on dispose. Open it through PKCS#11 with <see cref="ModulePath"/> and
/// <see cref="Label"/>.
/// </summary>
public sealed partial class SoftHsmToken : IDisposable
{
    private readonly string _tool;

    private SoftHsmToken(string tool, string label, string userPin, string soPin, ulong slotId)
    {
        _tool = tool;
        Label = label;
        UserPin = userPin;
        SecurityOfficerPin = soPin;
        SlotId = slotId;
    }

    public string Label { get; }

    public string UserPin { get; }

    public string SecurityOfficerPin { get; }

    /// <summary>The slot id SoftHSM reassigned the token to.</summary>
    public ulong SlotId { get; }

    /// <summary>The PKCS#11 module (STATION_SOFTHSM_MODULE).</summary>
    public static string ModulePath => TestbedEnvironment.SoftHsmModule;

    /// <summary>Initialises a token in the first free slot.</summary>
    /// <param name="labelPrefix">Start of the label; a random suffix keeps parallel tests apart.</param>
    public static async Task<SoftHsmToken> Create(string labelPrefix = "station-test")
    {
        ArgumentException.ThrowIfNullOrEmpty(labelPrefix);
        var config = TestbedEnvironment.SoftHsmConfig;
        if (!File.Exists(config))
        {
            throw new InvalidOperationException($"SOFTHSM2_CONF points at {config}, which does not exist; start the test bed with scripts/testbed/up.sh.");
        }

        if (!File.Exists(ModulePath))
        {
            throw new InvalidOperationException($"PKCS#11 module {ModulePath} is missing: install the Debian package softhsm2.");
        }

        var tool = ToolLocator.Require("softhsm2-util");
        // SoftHSM labels are at most 32 characters.
        var label = $"{labelPrefix}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(4))}";
        if (label.Length > 32)
        {
            throw new ArgumentException($"label prefix too long: '{label}' exceeds 32 characters", nameof(labelPrefix));
        }

        var userPin = RandomNumberGenerator.GetInt32(100000, 999999).ToString(CultureInfo.InvariantCulture);
        var soPin = RandomNumberGenerator.GetInt32(100000, 999999).ToString(CultureInfo.InvariantCulture);
        var result = await ToolRun.Run(tool, "--init-token", "--free", "--label", label, "--pin", userPin, "--so-pin", soPin).ConfigureAwait(false);
        var slot = SlotLine().Match(result.Output);
        if (result.ExitCode != 0 || !slot.Success)
        {
            throw new InvalidOperationException($"softhsm2-util --init-token failed ({result.ExitCode}): {result.Output}");
        }

        return new SoftHsmToken(tool, label, userPin, soPin, ulong.Parse(slot.Groups[1].Value, CultureInfo.InvariantCulture));
    }

    public void Dispose()
    {
        // Best effort: the whole token folder is recreated by the next up.sh anyway.
        ToolRun.Run(_tool, "--delete-token", "--token", Label).GetAwaiter().GetResult();
    }

    [GeneratedRegex(@"reassigned to slot (\d+)")]
    private static partial Regex SlotLine();
}
