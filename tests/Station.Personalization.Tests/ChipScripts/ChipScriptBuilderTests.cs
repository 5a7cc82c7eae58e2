using Station.Personalization.Chip;
using Station.Personalization.ChipProfiles;
using Station.Personalization.ChipScripts;
using static Station.Personalization.Tests.ChipScripts.TestChipImages;

namespace Station.Personalization.Tests.ChipScripts;

public class ChipScriptBuilderTests
{
    private const string Aid = "A0000002471001";

    [Fact]
    public void Ships_both_profiles_as_embedded_data()
    {
        Assert.Contains("iso7816-fs", ChipProfile.Available);
        Assert.Contains("jmrtd-applet", ChipProfile.Available);
        var e = Assert.Throws<ArgumentException>(() => ChipProfile.Load("nope"));
        Assert.Contains("iso7816-fs", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Iso7816_fs_creates_the_MF_file_the_application_and_each_EF_with_FCP_templates()
    {
        var script = ChipScriptBuilder.Build(Minimal(), ChipProfile.Load("iso7816-fs"), 65535);

        Assert.Equal(new[]
        {
            "00A4000C023F00",
            "00E0000010" + "620E" + "80020016" + "820101" + "8302011C" + "8801E0",
            "00A4020C02011C",
            "00D6000016" + CardAccessHex,
            "00E0000012" + "6210" + "820138" + "83027F10" + "8407" + Aid,
            "00A4040C07" + Aid,
            "00E0000010" + "620E" + "80020016" + "820101" + "8302011E" + "8801F0",
            "00A4020C02011E",
            "00D6000016" + EfComHex,
            "00E0000010" + "620E" + "8002005D" + "820101" + "83020101" + "880108",
            "00A4020C020101",
            "00D600005D" + Dg1Hex,
            "00DA006210" + "239AB9CB282DAF66231DC5A4DF6BFBAE",
        }, Hex(script.Personalization));
        Assert.Equal(new[] { "00A4040C07" + Aid, "00440000" }, Hex(script.Lock));
        Assert.Equal(2, script.Skipped.Count);
    }

    [Fact]
    public void Iso7816_fs_loads_the_PKCS8_keys_with_extended_length_when_present()
    {
        var image = WithPortrait(600, FixedSecrets());
        var script = ChipScriptBuilder.Build(image, ChipProfile.Load("iso7816-fs"), 65535);

        var keyCommands = script.Personalization.TakeLast(3).ToArray();
        Assert.Equal("00DA006210239AB9CB282DAF66231DC5A4DF6BFBAE", keyCommands[0].Command.ToString());
        Assert.Equal(image.Secrets.ChipAuthenticationPrivateKey, keyCommands[1].Command.Data);
        Assert.Equal(image.Secrets.ActiveAuthenticationPrivateKey, keyCommands[2].Command.Data);
        Assert.True(keyCommands[2].Command.IsExtended);
        Assert.Empty(script.Skipped);
    }

    [Fact]
    public void Splits_UPDATE_BINARY_into_chunks_no_larger_than_the_transport_allows()
    {
        var script = ChipScriptBuilder.Build(WithPortrait(600), ChipProfile.Load("iso7816-fs"), 255);
        var dg2 = script.Personalization.Where(c => c.Description.StartsWith("UPDATE BINARY DG2", StringComparison.Ordinal)).ToArray();

        Assert.Equal(["00D60000FF", "00D600FFFF", "00D601FE5A"], dg2.Select(c => c.Command.ToString()[..10]));
        Assert.All(script.Personalization, c => Assert.False(c.Command.IsExtended));
        Assert.Equal(600, dg2.Sum(c => c.PayloadLength));
    }

    [Fact]
    public void Extended_length_writes_a_25KB_image_in_one_UPDATE_BINARY_per_file_with_high_wire_efficiency()
    {
        var image = WithPortrait(24_000);
        var script = ChipScriptBuilder.Build(image, ChipProfile.Load("iso7816-fs"), 65535);

        int payload = image.Files.Sum(f => f.Content.Length) + image.CardAccess.Length;
        Assert.Equal(payload, script.PayloadBytes);
        Assert.Equal(image.Files.Count + 1, script.Personalization.Count(c => c.PayloadLength > 0));
        Assert.True((double)script.PayloadBytes / script.WireBytes >= 0.95, $"{script.PayloadBytes}/{script.WireBytes}");
    }

    [Fact]
    public void Jmrtd_applet_follows_PassportPersoService_byte_for_byte()
    {
        var script = ChipScriptBuilder.Build(Minimal(), ChipProfile.Load("jmrtd-applet"), 65535);

        Assert.Equal(new[]
        {
            "00A4040C07" + Aid,
            "00E0000006" + "6304" + "0016" + "011C",
            "00A4020C02011C",
            "00D6000016" + CardAccessHex,
            "00E0000006" + "6304" + "0016" + "011E",
            "00A4020C02011E",
            "00D6000016" + EfComHex,
            "00E0000006" + "6304" + "005D" + "0101",
            "00A4020C020101",
            "00D600005D" + Dg1Hex,
            // PUT DATA 62: 62 { 04 docNr, 04 dob, 04 doe } as JMRTD's setBAC writes it.
            "00DA00621C" + "621A" + "0408" + "4C38393839303243" + "0406" + "363930383036" + "0406" + "393430363233",
        }, Hex(script.Personalization));
        Assert.Equal(new[] { "00DADEAD" }, Hex(script.Lock));
    }

    [Fact]
    public void Jmrtd_applet_uses_255_byte_chunks_even_with_an_extended_length_transport()
    {
        var script = ChipScriptBuilder.Build(WithPortrait(600), ChipProfile.Load("jmrtd-applet"), 65535);
        Assert.All(script.Personalization, c => Assert.True(c.Command.Data.Length <= 255));
    }

    [Fact]
    public void Jmrtd_applet_loads_the_RSA_AA_key_and_the_EC_CA_key_in_JMRTD_form()
    {
        var script = ChipScriptBuilder.Build(Minimal() with { Secrets = FixedSecrets() }, ChipProfile.Load("jmrtd-applet"), 65535);
        var keys = script.Personalization.TakeLast(3).Select(c => c.Command.ToString()).ToArray();

        Assert.Equal("00DA006087" + "608184" + "048181" + "00" + AaModulusHex, keys[0]);
        Assert.Equal("00DA006186" + "618183" + "048180" + AaPrivateExponentHex, keys[1]);
        const string p = "00A9FB57DBA1EEA9BC3E660A909D838D726E3BF623D52620282013481D1F6E5377";
        const string a = "7D5A0975FC2C3057EEF67530417AFFE7FB8055C126DC5C6CE94A4B44F330B5D9";
        const string b = "26DC5C6CE94A4B44F330B5D9BBD77CBF958416295CF7E1CE6BCCDC18FF8C07B6";
        const string g = "04" + "8BD2AEB9CB7E57CB2C4B482FFC81B7AFB9DE27E1E3BD23C23A4453BD9ACE3262" + "547EF835C3DAC4FD97F8461A14611DC9C27745132DED8E545C1D54C72F046997";
        const string n = "00A9FB57DBA1EEA9BC3E660A909D838D718C397AA3B561A6F7901E0E82974856A7";
        string data = "8121" + p + "8220" + a + "8320" + b + "8441" + g + "8521" + n + "8620" + CaPrivateScalarHex + "87020001";
        Assert.Equal("00DA0063" + (data.Length / 2).ToString("X2") + data, keys[2]);
        Assert.Empty(script.Skipped);
    }

    [Fact]
    public void Rejects_a_profile_with_a_bad_field_naming_it()
    {
        var e = Assert.Throws<FormatException>(() => ChipProfile.Parse("""{ "name": "x", "commandSet": "JmrtdApplet", "maxChunk": 1000 }"""));
        Assert.Contains("maxChunk", e.Message, StringComparison.Ordinal);
        var h = Assert.Throws<FormatException>(() => ChipProfile.Parse("""{ "name": "x", "commandSet": "JmrtdApplet", "lock": [ { "name": "l", "header": "00DA" } ] }"""));
        Assert.Contains("header", h.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_asking_for_unknown_key_material_fails_with_the_placeholder_name()
    {
        var profile = ChipProfile.Parse("""{ "name": "vendor", "commandSet": "JmrtdApplet", "keyLoading": [ { "name": "pin", "header": "80DA0001", "data": "{transportPin}" } ] }""");
        var e = Assert.Throws<ChipDataException>(() => ChipScriptBuilder.Build(Minimal(), profile, 255));
        Assert.Contains("{transportPin}", e.Message, StringComparison.Ordinal);
    }

    private static string[] Hex(IEnumerable<ScriptedCommand> commands) => commands.Select(c => c.Command.ToString()).ToArray();
}
