using System.ComponentModel;
using System.Diagnostics;

namespace Station.Personalization.Tests.TestSupport;

/// <summary>Runs an external tool (openssl, python3, softhsm2-util, pkcs11-tool) for independent checks.
/// A missing tool fails the test with the Debian package to install; it never skips.</summary>
internal static class Tool
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public override string ToString() => $"exit {ExitCode}\nstdout: {Stdout}\nstderr: {Stderr}";
    }

    public static Result Run(string fileName, IEnumerable<string> arguments, string debianPackage, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        if (environment is not null)
            foreach (var (name, value) in environment) start.Environment[name] = value;
        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            string stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return new Result(process.ExitCode, stdout.Result, stderr);
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"'{fileName}' is not installed (Debian package {debianPackage}); this test needs it.", e);
        }
    }
}
