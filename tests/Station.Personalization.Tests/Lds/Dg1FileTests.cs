using System.Security.Cryptography;
using Station.Personalization.Lds;
using Station.Personalization.Mrz;
using Station.Personalization.Profiles;
using Station.Personalization.Tests.Applicants;

namespace Station.Personalization.Tests.Lds;

public class Dg1FileTests
{
    private const string Td3Mrz = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<L898902C36UTO7408122F1204159ZE184226B<<<<<10";

    /// <summary>Vectors §1.2: DG1 of the TD3 specimen, and its hashes.</summary>
    private const string Td3Dg1 =
        "615B5F1F58503C55544F4552494B53534F4E3C3C414E4E413C4D415249413C3C3C3C3C3C3C3C3C3C3C3C3C3C3C3C3C3C3C4C38393839303243333655544F3734303831323246313230343135395A45313834323236423C3C3C3C3C3130";

    [Fact]
    public void EncodesTheTd3SpecimenExactly()
    {
        var bytes = new Dg1File(Td3Mrz).Encode();
        Assert.Equal(Td3Dg1, Convert.ToHexString(bytes));
        Assert.Equal("FD8B98E945D9A7E366E403598D5C8B5581D5FB67", Convert.ToHexString(SHA1.HashData(bytes)));
        Assert.Equal("432BC07D1C637793F4D77E0B756865F7AEC3756F98D6EC6EB767EDA371904651", Convert.ToHexString(SHA256.HashData(bytes)));
    }

    [Fact]
    public void DecodesTheTd3Specimen()
    {
        var file = Dg1File.Decode(Convert.FromHexString(Td3Dg1));
        Assert.Equal(Td3Mrz, file.Mrz);
        Assert.Equal("L898902C3674081221204159", file.Parse().MrzInformation);
    }

    [Fact]
    public void Td1RoundTrip()
    {
        var mrz = Td1MrzBuilder.Build(TestApplicants.NguyenVanAn(), ProfileRegistry.Load().Get("VNM"));
        var bytes = new Dg1File(mrz).Encode();

        Assert.Equal("615D5F1F5A", Convert.ToHexString(bytes[..5]));
        var decoded = Dg1File.Decode(bytes);
        Assert.Equal(mrz.Text, decoded.Mrz);
        Assert.Equal(mrz.MrzInformation, decoded.Parse().MrzInformation);
    }

    [Theory]
    [InlineData("615B5F1F58503C55", "DG1")]
    [InlineData("6103020101", "DG1")]
    [InlineData("61075F1F04414243443C", "DG1")]
    public void RejectsBadBytes(string hex, string expected)
    {
        var error = Assert.Throws<LdsFormatException>(() => Dg1File.Decode(Convert.FromHexString(hex)));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
