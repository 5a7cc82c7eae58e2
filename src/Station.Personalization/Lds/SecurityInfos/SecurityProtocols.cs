namespace Station.Personalization.Lds.SecurityInfos;

/// <summary>Object identifiers of BSI TR-03110 / Doc 9303 Part 11 §9.2 used in SecurityInfos.</summary>
public static class SecurityProtocols
{
    /// <summary>bsi-de protocols smartcard: 0.4.0.127.0.7.2.2.</summary>
    public const string BsiProtocols = "0.4.0.127.0.7.2.2";
    /// <summary>id-PK: chip-authentication public keys.</summary>
    public const string PublicKeyPrefix = BsiProtocols + ".1";
    public const string PkDh = PublicKeyPrefix + ".1";
    public const string PkEcdh = PublicKeyPrefix + ".2";
    /// <summary>id-TA: terminal authentication.</summary>
    public const string TerminalAuthentication = BsiProtocols + ".2";
    /// <summary>id-CA: chip authentication.</summary>
    public const string ChipAuthenticationPrefix = BsiProtocols + ".3";
    public const string CaEcdhAesCbcCmac128 = ChipAuthenticationPrefix + ".2.2";
    /// <summary>id-PACE.</summary>
    public const string PacePrefix = BsiProtocols + ".4";
    public const string PaceEcdhGmAesCbcCmac128 = PacePrefix + ".2.2";

    /// <summary>Standardized domain parameter 13: brainpoolP256r1 (TR-03110 Part 3 Table 4).</summary>
    public const int BrainpoolP256r1ParameterId = 13;

    /// <summary>True when <paramref name="oid"/> is <paramref name="prefix"/> followed by exactly <paramref name="extraArcs"/> arcs.</summary>
    internal static bool IsUnder(string oid, string prefix, int extraArcs) =>
        oid.StartsWith(prefix + ".", StringComparison.Ordinal) && oid[(prefix.Length + 1)..].Split('.').Length == extraArcs;
}
