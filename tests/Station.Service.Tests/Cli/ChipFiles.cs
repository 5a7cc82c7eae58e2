using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Text.Json;

namespace Station.Service.Tests.Cli;

/// <summary>Reads what <c>station chip build</c> wrote, for the independent checks.</summary>
internal static class ChipFiles
{
    public static readonly string[] Names = ["COM.bin", "DG1.bin", "DG2.bin", "DG3.bin", "DG13.bin", "DG14.bin", "DG15.bin", "SOD.bin", "CardAccess.bin"];

    /// <summary>EF.SOD is the CMS ContentInfo inside an application tag 23 (<c>77</c>); openssl wants the ContentInfo alone.</summary>
    public static byte[] ContentInfoOf(byte[] sod)
    {
        var tag = Asn1Tag.Decode(sod, out _);
        Assert.Equal(new Asn1Tag(TagClass.Application, 23, isConstructed: true), tag);
        AsnDecoder.ReadEncodedValue(sod, AsnEncodingRules.BER, out int offset, out int length, out _);
        return sod[offset..(offset + length)];
    }

    public static string Sha256Hex(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    public static JsonDocument Summary(string directory) => JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "chip.json")));
}
