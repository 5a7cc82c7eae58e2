using System.Security.Cryptography;
using Station.Personalization.Lds;
using Station.Personalization.Tests.TestSupport;

namespace Station.Personalization.Tests.Lds;

public class SodLdsSecurityObjectTests
{
    [Fact]
    public void BSI2008_security_object_decodes_with_its_SHA1_hashes_and_re_encodes()
    {
        var sod = SodFile.Decode(Vectors.Bsi2008("SOD.bin"));

        var lso = sod.SecurityObject;

        Assert.Equal(0, lso.Version);
        Assert.Equal(HashAlgorithmName.SHA1, lso.HashAlgorithm);
        Assert.True(lso.DigestParametersNull);
        Assert.Equal([1, 2, 3, 14], lso.DataGroupHashes.Keys.Order());
        Assert.Equal("0F34E1E194035A036AC87B134E0AE41BCFD0C991", Hex.Of(lso.DataGroupHashes[2]));
        Assert.Equal(Hex.Of(sod.EContent), Hex.Of(lso.Encode()));
    }

    [Fact]
    public void Hashes_cover_the_complete_file_and_digest_parameters_are_omitted()
    {
        var lso = LdsSecurityObject.Create(HashAlgorithmName.SHA256, new Dictionary<int, byte[]>
        {
            [1] = Hex.Bytes(SampleChipFiles.Td3SpecimenDg1),
            [2] = [0x75, 0x00],
        });

        byte[] encoded = lso.Encode();

        // icao-9303.md §1.2: SHA-256 of the complete TD3 specimen DG1.
        Assert.Equal("432BC07D1C637793F4D77E0B756865F7AEC3756F98D6EC6EB767EDA371904651", Hex.Of(lso.DataGroupHashes[1]));
        // version 0, AlgorithmIdentifier { sha256 } without NULL, then the hash list.
        Assert.StartsWith("3060020100300B0609608648016503040201304E3025020101", Hex.Of(encoded), StringComparison.Ordinal);
        var decoded = LdsSecurityObject.Decode(encoded);
        Assert.False(decoded.DigestParametersNull);
        Assert.Equal(lso.DataGroupHashes[1], decoded.DataGroupHashes[1]);
    }

    [Fact]
    public void Version_1_carries_the_LDS_and_Unicode_versions()
    {
        var lso = LdsSecurityObject.Create(HashAlgorithmName.SHA384, new Dictionary<int, byte[]> { [1] = [1], [2] = [2] })
            with { LdsVersion = "0108", UnicodeVersion = "040000" };

        var decoded = LdsSecurityObject.Decode(lso.Encode());

        Assert.Equal(1, decoded.Version);
        Assert.Equal("0108", decoded.LdsVersion);
        Assert.Equal("040000", decoded.UnicodeVersion);
        Assert.Equal(HashAlgorithmName.SHA384, decoded.HashAlgorithm);
    }

    [Fact]
    public void Bad_input_names_the_problem()
    {
        Assert.Contains("at least 2", Assert.Throws<ArgumentException>(() =>
            LdsSecurityObject.Create(HashAlgorithmName.SHA256, new Dictionary<int, byte[]> { [1] = [1] })).Message, StringComparison.Ordinal);
        Assert.Contains("17", Assert.Throws<ArgumentException>(() =>
            LdsSecurityObject.Create(HashAlgorithmName.SHA256, new Dictionary<int, byte[]> { [1] = [1], [17] = [2] })).Message, StringComparison.Ordinal);
    }
}
