using System.Diagnostics;
using System.Globalization;

namespace Station.Devices.Tests.SmartCards.Vicc;

/// <summary>Drives <c>opensc-tool -r READER -s APDU ...</c> as an independent PC/SC client and parses its answers.</summary>
internal static class OpenScTool
{
    /// <summary>Hex columns of opensc's hex dump: 16 bytes as "XX " before the ASCII column.</summary>
    private const int HexColumns = 48;

    /// <summary>Sends the APDUs in one opensc-tool session; returns each response's data and SW.</summary>
    public static async Task<List<(byte[] Data, string Sw)>> SendAsync(string reader, IEnumerable<string> apdus)
    {
        var start = new ProcessStartInfo("opensc-tool") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-r");
        start.ArgumentList.Add(reader);
        foreach (string apdu in apdus)
        {
            start.ArgumentList.Add("-s");
            start.ArgumentList.Add(apdu);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("opensc-tool did not start (install opensc)");
        string stdout = await process.StandardOutput.ReadToEndAsync();
        string stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"opensc-tool failed ({process.ExitCode}): {stderr}");

        var responses = new List<(byte[], string)>();
        List<byte>? current = null;
        string sw = "";
        foreach (string line in stdout.Split('\n'))
        {
            if (line.StartsWith("Received (SW1=0x", StringComparison.Ordinal))
            {
                if (current is not null)
                    responses.Add(([.. current], sw));
                current = [];
                sw = line.Substring(16, 2) + line.Substring(26, 2);
            }
            else if (line.StartsWith("Sending:", StringComparison.Ordinal))
            {
                if (current is not null)
                    responses.Add(([.. current], sw));
                current = null;
            }
            else if (current is not null && line.Length > 0)
            {
                foreach (string token in line[..Math.Min(HexColumns, line.Length)].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    current.Add(byte.Parse(token, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            }
        }
        if (current is not null)
            responses.Add(([.. current], sw));
        return responses;
    }
}
