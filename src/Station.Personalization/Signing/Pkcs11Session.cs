using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;

namespace Station.Personalization.Signing;

/// <summary>
/// One logged-in read-write session on the token named by <see cref="Pkcs11SignerOptions"/>. Every failure is turned
/// into a <see cref="SignerUnavailableException"/> that names what to check.
/// </summary>
internal sealed class Pkcs11Session : IDisposable
{
    private readonly IPkcs11Library library;

    private Pkcs11Session(Pkcs11InteropFactories factories, IPkcs11Library library, ISession session)
    {
        Factories = factories;
        this.library = library;
        Session = session;
    }

    public Pkcs11InteropFactories Factories { get; }
    public ISession Session { get; }

    public static Pkcs11Session Open(Pkcs11SignerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!File.Exists(options.ModulePath))
            throw new SignerUnavailableException($"PKCS#11 module not found at '{options.ModulePath}': check the module path.");
        string pin = ReadPin(options.PinFile);

        var factories = new Pkcs11InteropFactories();
        IPkcs11Library library;
        try
        {
            library = factories.Pkcs11LibraryFactory.LoadPkcs11Library(factories, options.ModulePath, AppType.MultiThreaded);
        }
        catch (Exception e) when (e is UnmanagedException or Pkcs11Exception or DllNotFoundException)
        {
            throw new SignerUnavailableException($"PKCS#11 module '{options.ModulePath}' cannot be loaded or initialized: {e.Message}", e);
        }

        try
        {
            var slot = library.GetSlotList(SlotsType.WithTokenPresent)
                .FirstOrDefault(s => s.GetTokenInfo().Label.Trim() == options.TokenLabel)
                ?? throw new SignerUnavailableException($"PKCS#11 token with label '{options.TokenLabel}' not found in '{options.ModulePath}': check the token label and that the token is present.");
            var session = slot.OpenSession(SessionType.ReadWrite);
            try
            {
                session.Login(CKU.CKU_USER, pin);
            }
            catch (Pkcs11Exception e) when (e.RV == CKR.CKR_USER_ALREADY_LOGGED_IN)
            {
                // Another session of this process logged in already; the login is per application.
            }
            catch (Pkcs11Exception e)
            {
                session.Dispose();
                throw new SignerUnavailableException(e.RV switch
                {
                    CKR.CKR_PIN_INCORRECT => $"PKCS#11 login to token '{options.TokenLabel}' failed: wrong PIN (CKR_PIN_INCORRECT): check the PIN file '{options.PinFile}'.",
                    CKR.CKR_PIN_LOCKED => $"PKCS#11 token '{options.TokenLabel}': the user PIN is locked (CKR_PIN_LOCKED): the security officer must unlock it.",
                    _ => $"PKCS#11 login to token '{options.TokenLabel}' failed with {e.RV}.",
                }, e);
            }
            return new Pkcs11Session(factories, library, session);
        }
        catch (Exception e) when (e is not SignerUnavailableException)
        {
            library.Dispose();
            throw new SignerUnavailableException($"PKCS#11 token '{options.TokenLabel}' cannot be used: {e.Message}", e);
        }
        catch
        {
            library.Dispose();
            throw;
        }
    }

    /// <summary>The object of <paramref name="objectClass"/> labelled <paramref name="label"/>, or null.</summary>
    public IObjectHandle? Find(CKO objectClass, string label)
    {
        var template = new List<IObjectAttribute>
        {
            Factories.ObjectAttributeFactory.Create(CKA.CKA_CLASS, objectClass),
            Factories.ObjectAttributeFactory.Create(CKA.CKA_LABEL, label),
        };
        return Session.FindAllObjects(template).FirstOrDefault();
    }

    public void Dispose()
    {
        try { Session.Logout(); } catch (Pkcs11Exception) { /* the session may already be gone with the token */ }
        Session.Dispose();
        library.Dispose();
    }

    private static string ReadPin(string pinFile)
    {
        try
        {
            string pin = File.ReadAllText(pinFile).Trim();
            return pin.Length > 0 ? pin : throw new SignerUnavailableException($"PKCS#11 PIN file '{pinFile}' is empty: check the PIN file.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SignerUnavailableException($"PKCS#11 PIN file '{pinFile}' cannot be read: {e.Message}", e);
        }
    }
}
