using System.Collections.Concurrent;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;

namespace Station.Personalization.Signing;

/// <summary>
/// One loaded and initialized PKCS#11 module per path for the whole process. A module is a shared library with
/// process-wide state: a second C_Initialize fails and any C_Finalize would end every other user's sessions, so
/// modules are loaded once and kept.
/// </summary>
internal static class Pkcs11Modules
{
    private static readonly ConcurrentDictionary<string, Lazy<IPkcs11Library>> Loaded = new(StringComparer.Ordinal);

    public static Pkcs11InteropFactories Factories { get; } = new();

    /// <exception cref="SignerUnavailableException">The module is missing or does not initialize.</exception>
    public static IPkcs11Library Get(string modulePath)
    {
        string fullPath = Path.GetFullPath(modulePath);
        if (!File.Exists(fullPath))
            throw new SignerUnavailableException($"PKCS#11 module not found at '{modulePath}': check the module path.");
        var lazy = Loaded.GetOrAdd(fullPath, path => new Lazy<IPkcs11Library>(() =>
            Factories.Pkcs11LibraryFactory.LoadPkcs11Library(Factories, path, AppType.MultiThreaded)));
        try
        {
            return lazy.Value;
        }
        catch (Exception e) when (e is UnmanagedException or Pkcs11Exception or DllNotFoundException)
        {
            Loaded.TryRemove(fullPath, out _);
            throw new SignerUnavailableException($"PKCS#11 module '{modulePath}' cannot be loaded or initialized: {e.Message}", e);
        }
    }
}
