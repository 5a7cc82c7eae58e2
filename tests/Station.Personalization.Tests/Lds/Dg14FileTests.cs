using System.Security.Cryptography;
using Station.Personalization.Chip;
using Station.Personalization.Lds;
using Station.Personalization.Lds.SecurityInfos;
using Station.Personalization.Tests.TestSupport;

namespace Station.Personalization.Tests.Lds;

public class Dg14FileTests
{
    [Fact]
    public void BSI2008_DG14_decodes_and_re_encodes_byte_for_byte()
    {
        byte[] file = Vectors.Bsi2008("DG14.bin");

        var dg14 = Dg14File.Decode(file);

        Assert.Equal(3, dg14.SecurityInfos.Count);
        var key = Assert.IsType<ChipAuthenticationPublicKeyInfo>(dg14.SecurityInfos[0]);
        Assert.Equal(SecurityProtocols.PkEcdh, key.Protocol);
        Assert.Equal(new ChipAuthenticationInfo("0.4.0.127.0.7.2.2.3.2.1", 1, null), dg14.SecurityInfos[1]);
        Assert.Equal(new TerminalAuthenticationInfo(1), dg14.SecurityInfos[2]);
        Assert.Equal(Hex.Of(file), Hex.Of(dg14.Encode()));
    }

    [Fact]
    public void BSI2008_chip_authentication_key_with_explicit_brainpoolP224r1_parameters_imports()
    {
        var key = Dg14File.Decode(Vectors.Bsi2008("DG14.bin")).ChipAuthenticationPublicKeys.Single();

        using var ecdh = ECDiffieHellman.Create();
        ecdh.ImportSubjectPublicKeyInfo(key.SubjectPublicKeyInfo, out _);

        var parameters = ecdh.ExportExplicitParameters(false);
        Assert.Equal("D7C134AA264366862A18302575D1D787B09F075797DA89F57EC8C0FF", Hex.Of(parameters.Curve.Prime));
        Assert.Equal("0D9029AD2C7E5CF4340823B2A87DC68C9E4CE3174C1E6EFDEE12C07D", Hex.Of(parameters.Curve.G.X));
    }

    [Fact]
    public void Profile_DG14_declares_PACE_CA_TA_and_round_trips()
    {
        var keys = new ChipKeyFactory().Create();

        byte[] encoded = Dg14File.ForChip(keys.ChipAuthenticationPublicKey).Encode();
        var decoded = Dg14File.Decode(encoded);

        Assert.Equal(0x6E, encoded[0]);
        Assert.Equal(encoded, decoded.Encode());
        Assert.Contains(new PaceInfo("0.4.0.127.0.7.2.2.4.2.2", 2, 13), decoded.SecurityInfos);
        Assert.Contains(new ChipAuthenticationInfo("0.4.0.127.0.7.2.2.3.2.2", 1, null), decoded.SecurityInfos);
        Assert.Contains(new TerminalAuthenticationInfo(1), decoded.SecurityInfos);
        Assert.Equal(keys.ChipAuthenticationPublicKey, decoded.ChipAuthenticationPublicKeys.Single().SubjectPublicKeyInfo);
        // A new file is DER: its SET OF elements are sorted by encoding.
        var encodings = decoded.SecurityInfos.Select(i => i.Encode()).ToList();
        Assert.Equal(encodings.OrderBy(e => Hex.Of(e), StringComparer.Ordinal).Select(Convert.ToHexString), encodings.Select(Convert.ToHexString));
    }

    [Fact]
    public void Unknown_security_infos_are_kept_unchanged()
    {
        // PACEDomainParameterInfo shares the id-PACE arc but has another shape.
        var unknown = new UnknownSecurityInfo("0.4.0.127.0.7.2.2.4.2",
            Hex.Bytes("3012060904007F00070202040230050603672B08"));
        byte[] encoded = new Dg14File([unknown, PaceInfo.EcdhGenericMappingAes128BrainpoolP256r1]).Encode();

        var decoded = Dg14File.Decode(encoded);

        Assert.IsType<UnknownSecurityInfo>(decoded.SecurityInfos[0]);
        Assert.Equal(encoded, decoded.Encode());
    }

    [Fact]
    public void Wrong_tag_is_named()
    {
        var error = Assert.Throws<FormatException>(() => Dg14File.Decode(Vectors.Bsi2008("DG15.bin")));
        Assert.Contains("DG14: expected tag 6E but found 6F", error.Message, StringComparison.Ordinal);
    }
}
