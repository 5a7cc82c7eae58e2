namespace Station.Service.Tests.Testbed;

/// <summary>Finds the test bed's command-line tools on PATH.</summary>
public static class ToolLocator
{
    // Tool -> the Debian package that ships it, for the error message.
    private static readonly Dictionary<string, string> Packages = new(StringComparer.Ordinal)
    {
        ["mosquitto"] = "mosquitto",
        ["mosquitto_pub"] = "mosquitto-clients",
        ["mosquitto_sub"] = "mosquitto-clients",
        ["pcscd"] = "pcscd",
        ["opensc-tool"] = "opensc",
        ["pkcs11-tool"] = "opensc",
        ["softhsm2-util"] = "softhsm2",
        ["openssl"] = "openssl",
        ["zbarimg"] = "zbar-tools",
        ["socat"] = "socat",
        ["lp"] = "cups-client",
        ["lpstat"] = "cups-client",
        ["systemd-analyze"] = "systemd",
    };

    /// <summary>The full path of <paramref name="tool"/>, or null when it is not on PATH.</summary>
    public static string? Find(string tool)
    {
        ArgumentException.ThrowIfNullOrEmpty(tool);
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        // sbin folders: mosquitto and pcscd live there and a non-root PATH may omit them.
        IEnumerable<string> folders = [.. path.Split(':', StringSplitOptions.RemoveEmptyEntries), "/usr/sbin", "/sbin"];
        return folders
            .Select(folder => Path.Combine(folder, tool))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>The full path of <paramref name="tool"/>, or an error naming the package to install.</summary>
    public static string Require(string tool)
    {
        var found = Find(tool);
        if (found is not null)
        {
            return found;
        }

        var package = Packages.TryGetValue(tool, out var name) ? name : "the package that provides it";
        throw new InvalidOperationException(
            $"'{tool}' is not installed: install the Debian package {package} (./test.sh installs it).");
    }
}
