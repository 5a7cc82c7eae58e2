using System.Formats.Asn1;
using System.Security.Cryptography;
using Station.Personalization.Chip;

namespace Station.Personalization.Tests.ChipScripts;

/// <summary>Chip images built from fixed bytes (Doc 9303 samples and synthetic patterns) for script, reader and personalizer tests.</summary>
internal static class TestChipImages
{
    /// <summary>Appendix D MRZ information: its BAC keys are published.</summary>
    public const string MrzInformation = "L898902C<369080619406236";
    public const string CardAccessHex = "31143012060A04007F0007020204020202010202010D";
    public const string EfComHex = "60145F0104303130365F36063034303030305C026175";
    public const string Dg1Hex = "615B5F1F58503C55544F4552494B53534F4E3C3C414E4E413C4D415249413C3C3C3C3C3C3C3C3C3C3C3C3C3C3C3C3C3C3C4C38393839303243333655544F3734303831323246313230343135395A45313834323236423C3C3C3C3C3130";

    /// <summary>A 1024-bit RSA active-authentication key (PKCS#8), generated once with openssl for these tests.</summary>
    public const string AaPkcs8Hex = "30820275020100300D06092A864886F70D01010105000482025F3082025B02010002818100A1ABA718BDDA3F443747850062A77E51D6F95825C9F33F6C827B3253351458E151B63380EF8FAC7BD905B98CB7BAEC2319B1CB8AB0B0499CF42F0A61B36E33967ED3209A7490E02E415C6F0848F65EF5BC6650FCCB02E6AE524A6145C6E4E32733AE74B35E7772119BE02529038E21E8D0A5603C20D4E8CD2A4FF0EEC0D6B91F02030100010281804C9BB957890735398EF44DFAEBC4B09FF93D385ED7BE734C68DC15F1C5D23977B3AFA1E23422A1BA22118B6639DDD26DA38C538609C9CF6817717EFAE2FA9268BA0EB7676D20BDEF307B14FAE41197661D7DC0BFC29647B41087171D9C7F56E991321F7B22071B44AD9567C6718BA3BF17A4830812A90E725EFD36B20AFB37D1024100D29A30109242A0C52E6262629DD70BF1865F042B98437B668BF5CEC46DB3A257ECF9BB376935A7C130146C0875F13E0CBBC7ABEC3A0D88875D61B5B4DED015E7024100C4853A947B0E213501512BA6A4098A902B47B876CA2796C951871DA1DB009280BF90C92B5B94B12E82400F5261D2B14E0D55B4EF0D464CA655F912F68963EC090240760735B2C3D595768CA554D041F7785916DE7F5ED349D689C51CB091C38D6E096AE516B85A3D58D3DB5746A88338FD767372D6F6601E9F8A859A3214B8DED3B70240190F382218F2FB4F0C04F2C10427E7506D046F444E90EFCC6A2605A44F0DEAA09A4CF72A1D3A7FC1838071B3BA9FA85660A2EE389183C6606B942053E9BF212902404265D7F0B7476216EC0B17BC968A5BED27B3A4B63E01FD174FBEA1642AB8D4C2F84B69C152AD8053896417E212D014A252E1AE4D80EF100E56B66F730E0C4A4D";
    public const string AaModulusHex = "A1ABA718BDDA3F443747850062A77E51D6F95825C9F33F6C827B3253351458E151B63380EF8FAC7BD905B98CB7BAEC2319B1CB8AB0B0499CF42F0A61B36E33967ED3209A7490E02E415C6F0848F65EF5BC6650FCCB02E6AE524A6145C6E4E32733AE74B35E7772119BE02529038E21E8D0A5603C20D4E8CD2A4FF0EEC0D6B91F";
    public const string AaPrivateExponentHex = "4C9BB957890735398EF44DFAEBC4B09FF93D385ED7BE734C68DC15F1C5D23977B3AFA1E23422A1BA22118B6639DDD26DA38C538609C9CF6817717EFAE2FA9268BA0EB7676D20BDEF307B14FAE41197661D7DC0BFC29647B41087171D9C7F56E991321F7B22071B44AD9567C6718BA3BF17A4830812A90E725EFD36B20AFB37D1";

    /// <summary>brainpoolP256r1 key from Part 11 G.1 (the terminal's mapping key pair), reused as a fixed chip-authentication key.</summary>
    public const string CaPrivateScalarHex = "7F4EF07B9EA82FD78AD689B38D0BC78CF21F249D953BC46F4C6E19259C010F99";
    public const string CaPublicXHex = "7ACF3EFC982EC45565A4B155129EFBC74650DCBFA6362D896FC70262E0C2CC5E";
    public const string CaPublicYHex = "544552DCB6725218799115B55C9BAA6D9F6BC3A9618E70C25AF71777A9C4922D";

    /// <summary>EF.COM and DG1 only, no keys: the smallest image, for exact APDU sequences.</summary>
    public static ChipImage Minimal() => Create([
        new LdsFile(0x011E, "COM", Convert.FromHexString(EfComHex)),
        new LdsFile(0x0101, "DG1", Convert.FromHexString(Dg1Hex)),
    ], new ChipSecrets([], []));

    /// <summary>EF.COM, DG1, a synthetic DG2 of <paramref name="dg2Length"/> bytes, and an EF.SOD listing their SHA-256 hashes (see <see cref="TestSod"/>).</summary>
    public static ChipImage WithPortrait(int dg2Length, ChipSecrets? secrets = null)
    {
        var com = new LdsFile(0x011E, "COM", Convert.FromHexString(EfComHex));
        var dg1 = new LdsFile(0x0101, "DG1", Convert.FromHexString(Dg1Hex));
        var dg2 = new LdsFile(0x0102, "DG2", SyntheticDataGroup(0x75, dg2Length));
        var sod = new LdsFile(0x011D, "SOD", TestSod.Build(new Dictionary<int, byte[]> { [1] = dg1.Content, [2] = dg2.Content }));
        return Create([com, dg1, dg2, sod], secrets ?? new ChipSecrets([], []));
    }

    public static ChipSecrets FixedSecrets()
    {
        using var ec = ECDiffieHellman.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.brainpoolP256r1,
            D = Convert.FromHexString(CaPrivateScalarHex),
            Q = new ECPoint { X = Convert.FromHexString(CaPublicXHex), Y = Convert.FromHexString(CaPublicYHex) },
        });
        return new ChipSecrets(ec.ExportPkcs8PrivateKey(), Convert.FromHexString(AaPkcs8Hex));
    }

    /// <summary>A data group of exactly <paramref name="totalLength"/> bytes: tag, DER length, then a byte pattern.
    /// The pattern is not TLV, so it is written as a primitive value and the (constructed) DG tag byte is set afterwards.</summary>
    public static byte[] SyntheticDataGroup(byte tag, int totalLength)
    {
        for (int contentLength = totalLength - 2; contentLength > 0; contentLength--)
        {
            var writer = new AsnWriter(AsnEncodingRules.DER);
            writer.WriteOctetString(Enumerable.Range(0, contentLength).Select(i => (byte)(i * 7 + 3)).ToArray(), new Asn1Tag(TagClass.Application, tag & 0x1F));
            byte[] encoded = writer.Encode();
            if (encoded.Length == totalLength)
            {
                encoded[0] = tag;
                return encoded;
            }
        }
        throw new ArgumentOutOfRangeException(nameof(totalLength));
    }

    private static ChipImage Create(IReadOnlyList<LdsFile> files, ChipSecrets secrets) => new()
    {
        Profile = "TEST",
        Files = files,
        CardAccess = Convert.FromHexString(CardAccessHex),
        MrzLines = ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"],
        MrzInformation = MrzInformation,
        Secrets = secrets,
    };
}
