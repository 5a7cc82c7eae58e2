using System.Collections.Concurrent;
using System.Runtime.InteropServices;
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

    static Pkcs11Modules() => MapLibdl();

    /// <summary>
    /// Pkcs11Interop 5 imports dlopen from "libdl", which current glibc ships only as libdl.so.2 (dlopen also lives in
    /// libc). The maintainer's advice is a DllImportResolver (Pkcs11Interop issue #239); a host may have set one already.
    /// </summary>
    private static void MapLibdl()
    {
        if (!OperatingSystem.IsLinux()) return;
        try
        {
            NativeLibrary.SetDllImportResolver(typeof(IPkcs11Library).Assembly, (name, assembly, searchPath) =>
                name == "libdl" && NativeLibrary.TryLoad("libdl.so.2", assembly, searchPath, out var handle) ? handle : IntPtr.Zero);
        }
        catch (InvalidOperationException)
        {
            // A resolver is set for Pkcs11Interop already; it is the host's to own.
        }
    }

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
