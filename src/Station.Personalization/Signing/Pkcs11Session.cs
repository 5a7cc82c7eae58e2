using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;

namespace Station.Personalization.Signing;

/// <summary>
/// One logged-in read-write session on the token named by <see cref="Pkcs11SignerOptions"/>. Every failure is turned
/// into a <see cref="SignerUnavailableException"/> that names what to check.
/// </summary>
internal sealed class Pkcs11Session : IDisposable
{
    private Pkcs11Session(ISession session) => Session = session;

    public Pkcs11InteropFactories Factories => Pkcs11Modules.Factories;
    public ISession Session { get; }

    public static Pkcs11Session Open(Pkcs11SignerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var library = Pkcs11Modules.Get(options.ModulePath);
        string pin = ReadPin(options.PinFile);
        ISession session;
        try
        {
            var slot = library.GetSlotList(SlotsType.WithTokenPresent)
                .FirstOrDefault(s => s.GetTokenInfo().Label.Trim() == options.TokenLabel)
                ?? throw new SignerUnavailableException($"PKCS#11 token with label '{options.TokenLabel}' not found in '{options.ModulePath}': check the token label and that the token is present.");
            session = slot.OpenSession(SessionType.ReadWrite);
        }
        catch (Pkcs11Exception e)
        {
            throw new SignerUnavailableException($"PKCS#11 token '{options.TokenLabel}' cannot be opened: {e.RV}.", e);
        }
        try
        {
            session.Login(CKU.CKU_USER, pin);
        }
        catch (Pkcs11Exception e) when (e.RV == CKR.CKR_USER_ALREADY_LOGGED_IN)
        {
            // Login is per application and token: another open session of this process has logged in already.
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
        return new Pkcs11Session(session);
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

    /// <summary>Closes the session; the token logs the application out when its last session closes (no C_Logout, which would end other sessions' login).</summary>
    public void Dispose()
    {
        try { Session.Dispose(); }
        catch (Pkcs11Exception) { /* the session went with the token */ }
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
